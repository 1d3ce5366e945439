import { Field, ObjectType } from '@nestjs/graphql';
import { AdminUser } from '../../users/admin/admin-user.model.js';
import type { SessionTokens } from '../session.service.js';

// What a login and a refresh both return; abstract, so each mutation keeps its own payload type.
@ObjectType({ isAbstract: true })
export abstract class SessionTokensPayload {
  @Field({ description: 'Send as "Authorization: Bearer <accessToken>"; short-lived' })
  accessToken!: string;

  @Field()
  accessTokenExpiresAt!: Date;

  @Field({ description: 'Trade it for new tokens with refreshSession before it expires; it works once' })
  refreshToken!: string;

  @Field()
  refreshTokenExpiresAt!: Date;

  @Field(() => AdminUser)
  user!: AdminUser;

  protected static fill<T extends SessionTokensPayload>(payload: T, tokens: SessionTokens): T {
    return Object.assign(payload, { ...tokens, user: AdminUser.fromRow(tokens.user) });
  }
}
