import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { WebhookDelivery } from '../../generated/prisma/client.js';
import { connectionTypes } from '../../graphql-types/pagination/connection.model.js';
import { JSONScalar } from '../../graphql-types/scalars/json.scalar.js';

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'PENDING until a 2xx answer (SUCCEEDED) or the last retry fails (FAILED)',
});

@ObjectType('WebhookDelivery', { description: 'One event sent (or being sent) to one endpoint' })
export class WebhookDeliveryModel {
  @Field(() => ID, { description: 'Also the Newsdesk-Delivery header and the payload id: an idempotency key' })
  id!: string;

  @Field(() => ID)
  endpointId!: string;

  @Field()
  event!: string;

  @Field(() => JSONScalar, { description: 'The JSON body sent' })
  payload!: unknown;

  @Field(() => WebhookDeliveryStatus)
  status!: WebhookDeliveryStatus;

  @Field(() => Int, { description: 'HTTP attempts so far' })
  attempts!: number;

  @Field(() => Int, { nullable: true })
  lastStatusCode!: number | null;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => Date, { nullable: true })
  lastAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;

  @Field()
  createdAt!: Date;

  static fromRow(row: WebhookDelivery): WebhookDeliveryModel {
    return Object.assign(new WebhookDeliveryModel(), {
      id: row.id,
      endpointId: row.endpointId,
      event: row.event,
      payload: row.payload,
      status: row.status as WebhookDeliveryStatus,
      attempts: row.attempts,
      lastStatusCode: row.lastStatusCode,
      lastError: row.lastError,
      lastAttemptAt: row.lastAttemptAt,
      deliveredAt: row.deliveredAt,
      createdAt: row.createdAt,
    });
  }
}

export const { ConnectionType: WebhookDeliveryConnection } = connectionTypes(WebhookDeliveryModel, 'WebhookDelivery');
