import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { ApiToken } from '../../generated/prisma/client.js';
import { connectionTypes } from '../../graphql-types/pagination/connection.model.js';
import { UserRole } from '../../users/admin/user-role.enum.js';

// Never the token or its hash: the secret is shown once, in CreateApiTokenPayload.token.
@ObjectType('AdminApiToken', { description: 'A token that scripts and other systems authenticate with' })
export class AdminApiTokenModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => UserRole, { description: 'The rights of whoever holds the token' })
  role!: UserRole;

  @Field({ description: 'The first characters of the token, to tell tokens apart' })
  tokenPrefix!: string;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Last use, to the minute' })
  lastUsedAt!: Date | null;

  static fromRow(row: ApiToken): AdminApiTokenModel {
    return Object.assign(new AdminApiTokenModel(), {
      id: row.id,
      name: row.name,
      role: row.role,
      tokenPrefix: row.tokenPrefix,
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
      revokedAt: row.revokedAt,
      lastUsedAt: row.lastUsedAt,
    });
  }
}

export const { ConnectionType: AdminApiTokenConnection } = connectionTypes(AdminApiTokenModel, 'AdminApiToken');
