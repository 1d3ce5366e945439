import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class SubscribeToNewsletterInput {
  @Field({ description: 'The address to subscribe; a confirmation mail is sent to it' })
  email!: string;
}
