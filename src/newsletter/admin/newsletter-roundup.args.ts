import { ArgsType, Field } from '@nestjs/graphql';

// Shape only; newsletter.schema.ts (roundupRangeSchema) is the validator of record.
@ArgsType()
export class NewsletterRoundupArgs {
  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;
}
