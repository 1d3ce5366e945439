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

  @Field(() => String, {
    nullable: true,
    description:
      'Trade it for new tokens with refreshSession before it expires; it works once. Null when it went into the session cookie',
  })
  refreshToken!: string | null;

  @Field()
  refreshTokenExpiresAt!: Date;

  @Field(() => AdminUser)
  user!: AdminUser;

  protected static fill<T extends SessionTokensPayload>(payload: T, tokens: SessionTokens, inCookie = false): T {
    const refreshToken = inCookie ? null : tokens.refreshToken;
    return Object.assign(payload, { ...tokens, refreshToken, user: AdminUser.fromRow(tokens.user) });
  }
}
