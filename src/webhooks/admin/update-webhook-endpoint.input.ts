import { Field, ID, InputType } from '@nestjs/graphql';

// Shape only; webhook.schema.ts is the validator of record.
@InputType('UpdateWebhookEndpointInput', { description: 'Omitted fields stay as they are' })
export class UpdateWebhookEndpointInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => [String], { nullable: true })
  events?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  enabled?: boolean | null;

  @Field(() => String, { nullable: true, description: 'null or "" clears it' })
  description?: string | null;
}
