import { Field, ID, ObjectType } from '@nestjs/graphql';
import { toGlobalId } from '../../common/global-id.js';
import type { Tag as TagRow } from '../../generated/prisma/client.js';
import { Node } from '../../graphql/node/node.interface.js';

@ObjectType('Tag', { implements: () => [Node] })
export class TagModel implements Node {
  readonly nodeType = 'Tag';
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

  static fromRow(row: TagRow): TagModel {
    return Object.assign(new TagModel(), {
      rowId: row.id,
      id: toGlobalId('Tag', row.id),
      slug: row.slug,
      name: row.name,
      description: row.description,
    });
  }
}
