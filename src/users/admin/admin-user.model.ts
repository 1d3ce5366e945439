import { Field, ID, ObjectType } from '@nestjs/graphql';
import { toGlobalId } from '../../common/global-id.js';
import type { User } from '../../generated/prisma/client.js';
import { connectionTypes } from '../../graphql-types/pagination/connection.model.js';
import { UserRole } from './user-role.enum.js';

// Admin-only, so a plain UUID id and no Node interface: accounts never reach the public graph.
@ObjectType('AdminUser', { description: 'A person who logs in to the admin API' })
export class AdminUserModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Login email, lower-cased' })
  email!: string;

  @Field()
  name!: string;

  @Field(() => UserRole)
  role!: UserRole;

  @Field(() => ID, { nullable: true, description: 'Global id of the Author (byline) this user writes under' })
  authorId!: string | null;

  @Field(() => Date, { nullable: true })
  lastLoginAt!: Date | null;

  @Field({ description: 'Disabled users cannot log in or refresh a session' })
  disabled!: boolean;

  @Field()
  createdAt!: Date;

  static fromRow(row: User): AdminUserModel {
    return Object.assign(new AdminUserModel(), {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      authorId: row.authorId ? toGlobalId('Author', row.authorId) : null,
      lastLoginAt: row.lastLoginAt,
      disabled: row.disabledAt !== null,
      createdAt: row.createdAt,
    });
  }
}

export const { ConnectionType: AdminUserConnection } = connectionTypes(AdminUserModel, 'AdminUser');
