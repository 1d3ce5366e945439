import { Field, ID, ObjectType } from '@nestjs/graphql';
import { WebhookDeliveryModel } from './webhook-delivery.model.js';
import { WebhookEndpointModel } from './webhook-endpoint.model.js';

// The results of the webhook mutations.

@ObjectType('CreateWebhookEndpointPayload')
export class CreateWebhookEndpointPayload {
  @Field(() => WebhookEndpointModel)
  endpoint!: WebhookEndpointModel;

  @Field({ description: 'Signs every delivery (Newsdesk-Signature). Shown only now: store it' })
  secret!: string;
}

@ObjectType('UpdateWebhookEndpointPayload')
export class UpdateWebhookEndpointPayload {
  @Field(() => WebhookEndpointModel)
  endpoint!: WebhookEndpointModel;
}

@ObjectType('DeleteWebhookEndpointPayload')
export class DeleteWebhookEndpointPayload {
  @Field(() => ID)
  id!: string;
}

@ObjectType('RedeliverWebhookPayload')
export class RedeliverWebhookPayload {
  @Field(() => WebhookDeliveryModel)
  delivery!: WebhookDeliveryModel;
}
