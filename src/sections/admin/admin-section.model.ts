import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Section } from '../../generated/prisma/client.js';
import { AdminDescribedModel, adminTaxonomyFields } from '../../taxonomy/admin/admin-taxonomy.model.js';

@ObjectType('AdminSection', { description: 'A section as editors see it, trashed or not' })
export class AdminSectionModel extends AdminDescribedModel {
  @Field(() => Int, { description: 'Display order on the public API: lowest first' })
  position!: number;

  static fromRow(row: Section): AdminSectionModel {
    return Object.assign(new AdminSectionModel(), adminTaxonomyFields('Section', row), {
      description: row.description,
      position: row.position,
    });
  }
}
