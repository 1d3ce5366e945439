import { Field, ID, ObjectType } from '@nestjs/graphql';
import { toGlobalId, type NodeType } from '../../common/global-id.js';
import type { Node } from '../../graphql/node/node.interface.js';

interface TaxonomyRow {
  id: string;
  slug: string;
  name: string;
  description: string | null;
}

// The public shape tags, sections and series share: each public model extends this and names itself.
@ObjectType({ isAbstract: true })
export abstract class TaxonomyNodeModel implements Node {
  abstract readonly nodeType: NodeType;
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

  protected fill(row: TaxonomyRow): this {
    return Object.assign(this, {
      rowId: row.id,
      id: toGlobalId(this.nodeType, row.id),
      slug: row.slug,
      name: row.name,
      description: row.description,
    });
  }
}
