import { Field, ID, InputType } from '@nestjs/graphql';

@InputType('DeleteWebhookEndpointInput')
export class DeleteWebhookEndpointInput {
  @Field(() => ID)
  id!: string;
}
