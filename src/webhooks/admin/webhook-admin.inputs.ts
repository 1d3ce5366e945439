import { Field, ID, InputType } from '@nestjs/graphql';

// The input types of webhook endpoints and deliveries. Shapes only: webhook.schema.ts is the validator of record.

@InputType('CreateWebhookEndpointInput')
export class CreateWebhookEndpointInput {
  @Field({ description: 'https URL (http only where private targets are allowed)' })
  url!: string;

  @Field(() => [String], { description: 'article.published, article.updated, article.unpublished, article.deleted' })
  events!: string[];

  @Field(() => String, { nullable: true })
  description?: string | null;
}

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

@InputType('DeleteWebhookEndpointInput')
export class DeleteWebhookEndpointInput {
  @Field(() => ID)
  id!: string;
}

@InputType('RedeliverWebhookInput')
export class RedeliverWebhookInput {
  @Field(() => ID, { description: 'A SUCCEEDED or FAILED delivery' })
  deliveryId!: string;
}
