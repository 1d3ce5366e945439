import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { WebhookEndpoint } from '../../generated/prisma/client.js';

// Admin-only: never carries the secret, which is shown once, at creation.
@ObjectType('WebhookEndpoint', { description: 'A URL that receives signed POSTs when content changes' })
export class WebhookEndpointModel {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field(() => [String], { description: 'Subscribed events, e.g. article.published' })
  events!: string[];

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field({ description: 'A disabled endpoint receives nothing new' })
  enabled!: boolean;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  static fromRow(row: WebhookEndpoint): WebhookEndpointModel {
    return Object.assign(new WebhookEndpointModel(), {
      id: row.id,
      url: row.url,
      events: row.events,
      description: row.description,
      enabled: row.enabled,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  }
}
