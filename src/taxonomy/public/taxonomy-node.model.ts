import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Node } from '../../graphql-types/node.interface.js';

// The public shape tags, sections and series share: each public model extends this and names itself.
// Values arrive as PostgreSQL built them (taxonomy.projection.ts).
@ObjectType({ isAbstract: true })
export abstract class TaxonomyNodeModel implements Node {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;
}
