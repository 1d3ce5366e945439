import { ObjectType } from '@nestjs/graphql';
import type { Tag } from '../../generated/prisma/client.js';
import { AdminDescribedModel, adminTaxonomyFields } from '../../taxonomy/admin/admin-taxonomy.model.js';

@ObjectType('AdminTag', { description: 'A tag as editors see it, trashed or not' })
export class AdminTagModel extends AdminDescribedModel {
  static fromRow(row: Tag): AdminTagModel {
    return Object.assign(new AdminTagModel(), adminTaxonomyFields('Tag', row), { description: row.description });
  }
}
