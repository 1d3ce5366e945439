import { Resolver } from '@nestjs/graphql';
import { DescribedFields } from '../../taxonomy/admin/taxonomy.input.js';
import { TaxonomyAdminResolver } from '../../taxonomy/admin/taxonomy-admin.resolver.js';
import { describedInputSchemas } from '../../taxonomy/taxonomy.schema.js';
import { TagEditorService } from '../tag-editor.service.js';
import { AdminTagModel } from './admin-tag.model.js';

@Resolver(() => AdminTagModel)
export class TagAdminResolver extends TaxonomyAdminResolver({
  type: 'Tag',
  plural: 'tags',
  queries: { list: 'adminTags', item: 'adminTag' },
  model: AdminTagModel,
  fields: DescribedFields,
  schemas: describedInputSchemas('Tag'),
}) {
  constructor(editor: TagEditorService) {
    super(editor);
  }
}
