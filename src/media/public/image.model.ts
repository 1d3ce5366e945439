import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Node } from '../../graphql/node/node.interface.js';

// Values arrive as PostgreSQL built them (image.projection.ts).
@ObjectType('Image', { implements: () => [Node] })
export class ImageModel implements Node {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field(() => Int, { nullable: true })
  width!: number | null;

  @Field(() => Int, { nullable: true })
  height!: number | null;

  @Field(() => String, { nullable: true, description: 'Text alternative for screen readers' })
  altText!: string | null;

  @Field(() => String, { nullable: true })
  caption!: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. "REUTERS/Mahamadou Hamidou//File Photo"' })
  credit!: string | null;
}
