import { Field, ObjectType } from '@nestjs/graphql';
import { WebhookEndpointModel } from './webhook-endpoint.model.js';

@ObjectType('UpdateWebhookEndpointPayload')
export class UpdateWebhookEndpointPayload {
  @Field(() => WebhookEndpointModel)
  endpoint!: WebhookEndpointModel;
}
