import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { NewsletterSubscriber as SubscriberRow } from '../../generated/prisma/client.js';
import { connectionTypes } from '../../graphql-types/pagination/connection.model.js';
import type { SubscriberStatus } from '../newsletter.schema.js';

export enum NewsletterSubscriberStatus {
  PENDING = 'PENDING',
  CONFIRMED = 'CONFIRMED',
  UNSUBSCRIBED = 'UNSUBSCRIBED',
}

registerEnumType(NewsletterSubscriberStatus, {
  name: 'NewsletterSubscriberStatus',
  description: 'PENDING until the confirmation link is clicked; UNSUBSCRIBED after an unsubscribe',
});

@ObjectType('NewsletterSubscriber')
export class NewsletterSubscriberModel {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field(() => NewsletterSubscriberStatus)
  status!: NewsletterSubscriberStatus;

  @Field({ description: 'When the address first asked to subscribe' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  confirmedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  unsubscribedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the last confirmation mail went out' })
  confirmationSentAt!: Date | null;

  static fromRow(row: SubscriberRow): NewsletterSubscriberModel {
    return Object.assign(new NewsletterSubscriberModel(), {
      id: row.id,
      email: row.email,
      status: row.status as SubscriberStatus as NewsletterSubscriberStatus,
      createdAt: row.createdAt,
      confirmedAt: row.confirmedAt,
      unsubscribedAt: row.unsubscribedAt,
      confirmationSentAt: row.confirmationSentAt,
    });
  }
}

export const { EdgeType: NewsletterSubscriberEdge, ConnectionType: NewsletterSubscriberConnection } = connectionTypes(
  NewsletterSubscriberModel,
  'NewsletterSubscriber',
);
