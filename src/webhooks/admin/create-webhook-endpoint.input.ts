import { Field, InputType } from '@nestjs/graphql';

// Shape only; webhook.schema.ts is the validator of record.
@InputType('CreateWebhookEndpointInput')
export class CreateWebhookEndpointInput {
  @Field({ description: 'https URL (http only where private targets are allowed)' })
  url!: string;

  @Field(() => [String], { description: 'article.published, article.updated, article.unpublished, article.deleted' })
  events!: string[];

  @Field(() => String, { nullable: true })
  description?: string | null;
}
