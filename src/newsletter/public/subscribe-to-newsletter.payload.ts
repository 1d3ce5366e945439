import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'The same answer for every address, so the form reveals nobody as a subscriber' })
export class SubscribeToNewsletterPayload {
  @Field()
  ok!: boolean;

  @Field({ description: 'A message to show to the person who signed up' })
  message!: string;
}
