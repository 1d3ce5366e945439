import { Field, ID, ObjectType } from '@nestjs/graphql';
import { toGlobalId } from '../../common/global-id.js';
import type { Series as SeriesRow } from '../../generated/prisma/client.js';
import { Node } from '../../graphql/node/node.interface.js';

@ObjectType('Series', { implements: () => [Node] })
export class SeriesModel implements Node {
  readonly nodeType = 'Series';
  /** Database id, for loaders and article filters; not part of the schema. */
  rowId!: string;

  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  static fromRow(row: SeriesRow): SeriesModel {
    return Object.assign(new SeriesModel(), {
      rowId: row.id,
      id: toGlobalId('Series', row.id),
      slug: row.slug,
      name: row.name,
      description: row.description,
    });
  }
}
