import { Field, ID, ObjectType } from '@nestjs/graphql';
import { isNodeType, toGlobalId } from '../../common/global-id.js';
import type { AuditEntry } from '../../generated/prisma/client.js';
import { JSONScalar } from '../../graphql-types/scalars/json.scalar.js';
import { connectionTypes } from '../../graphql-types/pagination/connection.model.js';

@ObjectType('AuditEntry', { description: 'One recorded change: who, what, when, and through which token' })
export class AuditEntryModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'e.g. article.published, user.created, api_token.revoked' })
  action!: string;

  @Field()
  entityType!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'For content (Article, Author, Tag, Section, Series, Image) its global id, as everywhere; else the record id',
  })
  entityId!: string | null;

  @Field({ description: 'user, api_token or system' })
  actorKind!: string;

  @Field(() => ID, { nullable: true, description: 'The acting user' })
  actorId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The API token used, if any' })
  tokenId!: string | null;

  @Field(() => String, { nullable: true })
  ip!: string | null;

  @Field(() => String, { nullable: true })
  requestId!: string | null;

  @Field(() => JSONScalar)
  details!: unknown;

  @Field()
  createdAt!: Date;

  static fromRow(row: AuditEntry): AuditEntryModel {
    const entityId = row.entityId && isNodeType(row.entityType) ? toGlobalId(row.entityType, row.entityId) : row.entityId;
    return Object.assign(new AuditEntryModel(), row, { entityId });
  }
}

export const { ConnectionType: AuditEntryConnection } = connectionTypes(AuditEntryModel, 'AuditEntry');
