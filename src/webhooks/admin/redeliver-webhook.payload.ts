import { Field, ObjectType } from '@nestjs/graphql';
import { WebhookDeliveryModel } from './webhook-delivery.model.js';

@ObjectType('RedeliverWebhookPayload')
export class RedeliverWebhookPayload {
  @Field(() => WebhookDeliveryModel)
  delivery!: WebhookDeliveryModel;
}
