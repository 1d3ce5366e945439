import { Field, ID, ObjectType } from '@nestjs/graphql';
import { toGlobalId } from '../../common/global-id.js';
import type { TaxonomyType } from '../taxonomy-editor.service.js';
import type { TaxonomyRow } from '../taxonomy.repository.js';

// Fields every admin taxonomy type (AdminAuthor, AdminTag, AdminSection, AdminSeries) shares. Admin
// types never implement the public Node interface: node(id:) must not reach trashed rows.
@ObjectType({ isAbstract: true })
export abstract class AdminTaxonomyModel {
  /** Database id, for cursors; not part of the schema. */
  rowId!: string;

  @Field(() => ID, { description: 'The same opaque id as on the public API' })
  id!: string;

  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field({ description: 'In the trash: hidden from the public API until restored' })
  trashed!: boolean;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType({ isAbstract: true })
export abstract class AdminDescribedModel extends AdminTaxonomyModel {
  @Field(() => String, { nullable: true })
  description!: string | null;
}

/** The shared fields of an admin model, from its row. */
export function adminTaxonomyFields(type: TaxonomyType, row: TaxonomyRow) {
  return {
    rowId: row.id,
    id: toGlobalId(type, row.id),
    slug: row.slug,
    name: row.name,
    trashed: row.deletedAt !== null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
