import { Field, ID, ObjectType } from '@nestjs/graphql';
import { toGlobalId } from '../../common/global-id.js';
import type { Section as SectionRow } from '../../generated/prisma/client.js';
import { Node } from '../../graphql/node/node.interface.js';

@ObjectType('Section', { implements: () => [Node] })
export class SectionModel implements Node {
  readonly nodeType = 'Section';
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

  static fromRow(row: SectionRow): SectionModel {
    return Object.assign(new SectionModel(), {
      rowId: row.id,
      id: toGlobalId('Section', row.id),
      slug: row.slug,
      name: row.name,
      description: row.description,
    });
  }
}
