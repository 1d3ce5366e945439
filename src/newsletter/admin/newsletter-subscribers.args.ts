import { ArgsType, Field, Int } from '@nestjs/graphql';
import { NewsletterSubscriberStatus } from './newsletter-subscriber.model.js';

@ArgsType()
export class NewsletterSubscribersArgs {
  @Field(() => NewsletterSubscriberStatus, { nullable: true, description: 'Only subscribers in this state' })
  status?: NewsletterSubscriberStatus | null;

  @Field(() => Int, { nullable: true, description: 'Page size, at most 100 (default 20)' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  after?: string | null;
}
