import { Field, ID, InputType, Int } from '@nestjs/graphql';

// Shapes only; partner.schema.ts is the validator of record.
@InputType('CreatePartnerInput')
export class CreatePartnerInput {
  @Field({ description: 'Who the partner is, e.g. "Regional Daily"' })
  name!: string;

  @Field(() => [ID], { nullable: true, description: 'Sections it may pull; none means all' })
  sectionIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Tags it may pull; none means all' })
  tagIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Full bodies in feeds (default: teasers only)' })
  fullText?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Requests per minute (default 60)' })
  rateLimitPerMinute?: number | null;
}

@InputType('UpdatePartnerInput', { description: 'Fields left out stay as they are' })
export class UpdatePartnerInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the sections; [] means all' })
  sectionIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the tags; [] means all' })
  tagIds?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  fullText?: boolean | null;

  @Field(() => Int, { nullable: true })
  rateLimitPerMinute?: number | null;

  @Field(() => Boolean, { nullable: true })
  enabled?: boolean | null;
}

@InputType('RotatePartnerKeyInput')
export class RotatePartnerKeyInput {
  @Field(() => ID)
  id!: string;
}
