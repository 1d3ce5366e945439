import { Resolver } from '@nestjs/graphql';
import { TaxonomyAdminResolver } from '../../taxonomy/admin/taxonomy-admin.resolver.js';
import { SectionEditorService } from '../section-editor.service.js';
import { sectionInputSchemas } from '../section.schema.js';
import { AdminSectionModel } from './admin-section.model.js';
import { SectionFields } from './section.input.js';

@Resolver(() => AdminSectionModel)
export class SectionAdminResolver extends TaxonomyAdminResolver({
  type: 'Section',
  plural: 'sections',
  queries: { list: 'adminSections', item: 'adminSection' },
  model: AdminSectionModel,
  fields: SectionFields,
  schemas: sectionInputSchemas,
}) {
  constructor(editor: SectionEditorService) {
    super(editor);
  }
}
