import { Field, ObjectType } from '@nestjs/graphql';
import { WebhookEndpointModel } from './webhook-endpoint.model.js';

@ObjectType('CreateWebhookEndpointPayload')
export class CreateWebhookEndpointPayload {
  @Field(() => WebhookEndpointModel)
  endpoint!: WebhookEndpointModel;

  @Field({ description: 'Signs every delivery (Newsdesk-Signature). Shown only now: store it' })
  secret!: string;
}
