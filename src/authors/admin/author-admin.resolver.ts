import { Resolver } from '@nestjs/graphql';
import { TaxonomyAdminResolver } from '../../taxonomy/admin/taxonomy-admin.resolver.js';
import { AuthorEditorService } from '../author-editor.service.js';
import { authorInputSchemas } from '../author.schema.js';
import { AdminAuthorModel } from './admin-author.model.js';
import { AuthorFields } from './author.input.js';

@Resolver(() => AdminAuthorModel)
export class AuthorAdminResolver extends TaxonomyAdminResolver({
  type: 'Author',
  plural: 'authors',
  queries: { list: 'adminAuthors', item: 'adminAuthor' },
  model: AdminAuthorModel,
  fields: AuthorFields,
  schemas: authorInputSchemas,
}) {
  constructor(editor: AuthorEditorService) {
    super(editor);
  }
}
