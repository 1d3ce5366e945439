import { Field, InputType } from '@nestjs/graphql';

// The optional fields of taxonomy inputs; `taxonomyAdminTypes` adds `name` (and `id` for updates)
// to make each model's Create<X>Input and Update<X>Input.
@InputType({ isAbstract: true })
export abstract class SluggedFields {
  @Field(() => String, {
    nullable: true,
    description: 'URL slug, e.g. "ukraine-war". On create, generated from the name when left out; on update, kept unless given',
  })
  slug?: string | null;
}

@InputType({ isAbstract: true })
export abstract class DescribedFields extends SluggedFields {
  @Field(() => String, { nullable: true, description: 'At most 5000 characters; blank or null clears it' })
  description?: string | null;
}
