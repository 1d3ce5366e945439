import { Field, ObjectType } from '@nestjs/graphql';
import { AdminUserModel } from '../../users/admin/admin-user.model.js';
import type { SessionTokens } from '../session.service.js';
import { AdminApiTokenModel } from './admin-api-token.model.js';

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

  @Field(() => AdminUserModel)
  user!: AdminUserModel;

  protected static fill<T extends SessionTokensPayload>(payload: T, tokens: SessionTokens, inCookie = false): T {
    const refreshToken = inCookie ? null : tokens.refreshToken;
    return Object.assign(payload, { ...tokens, refreshToken, user: AdminUserModel.fromRow(tokens.user) });
  }
}

@ObjectType('LoginPayload')
export class LoginPayload extends SessionTokensPayload {
  static of(tokens: SessionTokens, inCookie = false): LoginPayload {
    return SessionTokensPayload.fill(new LoginPayload(), tokens, inCookie);
  }
}

@ObjectType('RefreshSessionPayload')
export class RefreshSessionPayload extends SessionTokensPayload {
  static of(tokens: SessionTokens, inCookie = false): RefreshSessionPayload {
    return SessionTokensPayload.fill(new RefreshSessionPayload(), tokens, inCookie);
  }
}

@ObjectType('LogoutPayload')
export class LogoutPayload {
  @Field({ description: 'True once the login has ended (also when it already had)' })
  success!: boolean;
}

@ObjectType('ChangePasswordPayload')
export class ChangePasswordPayload {
  @Field(() => AdminUserModel)
  user!: AdminUserModel;
}

@ObjectType('CreateApiTokenPayload')
export class CreateApiTokenPayload {
  @Field({ description: 'The token, shown only this once: send it as "Authorization: Bearer <token>"' })
  token!: string;

  @Field(() => AdminApiTokenModel)
  apiToken!: AdminApiTokenModel;
}

@ObjectType('RevokeApiTokenPayload')
export class RevokeApiTokenPayload {
  @Field(() => AdminApiTokenModel)
  apiToken!: AdminApiTokenModel;
}
