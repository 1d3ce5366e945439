import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('DeleteWebhookEndpointPayload')
export class DeleteWebhookEndpointPayload {
  @Field(() => ID)
  id!: string;
}
