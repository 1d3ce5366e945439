import { Field, ID, InputType } from '@nestjs/graphql';

@InputType('RedeliverWebhookInput')
export class RedeliverWebhookInput {
  @Field(() => ID, { description: 'A SUCCEEDED or FAILED delivery' })
  deliveryId!: string;
}
