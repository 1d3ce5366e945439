import { ObjectType } from '@nestjs/graphql';
import type { Series } from '../../generated/prisma/client.js';
import { AdminDescribedModel, adminTaxonomyFields } from '../../taxonomy/admin/admin-taxonomy.model.js';

@ObjectType('AdminSeries', { description: 'A series as editors see it, trashed or not' })
export class AdminSeriesModel extends AdminDescribedModel {
  static fromRow(row: Series): AdminSeriesModel {
    return Object.assign(new AdminSeriesModel(), adminTaxonomyFields('Series', row), { description: row.description });
  }
}
