import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { UserRole } from '../../users/admin/user-role.enum.js';

// The input types of logins, sessions, passwords and API tokens. Shapes only: session.schema.ts and
// api-token.schema.ts are the validators of record.

export enum RefreshTokenTransport {
  BODY = 'BODY',
  COOKIE = 'COOKIE',
}

registerEnumType(RefreshTokenTransport, {
  name: 'RefreshTokenTransport',
  description: 'Where a login or refresh hands over the refresh token',
  valuesMap: {
    BODY: { description: 'In the response body (scripts, apps)' },
    COOKIE: {
      description: 'In an httpOnly, SameSite=Strict cookie scoped to /admin/graphql (browsers); the body leaves it out',
    },
  },
});

@InputType('LoginInput')
export class LoginInput {
  @Field()
  email!: string;

  @Field()
  password!: string;

  @Field(() => RefreshTokenTransport, { nullable: true, description: 'Default BODY' })
  session?: RefreshTokenTransport | null;
}

@InputType('RefreshSessionInput')
export class RefreshSessionInput {
  @Field(() => String, {
    nullable: true,
    description: 'The refresh token from the last login or refresh; each one works once. Leave out to use the session cookie',
  })
  refreshToken?: string | null;
}

@InputType('LogoutInput')
export class LogoutInput {
  @Field(() => String, { nullable: true, description: "The login to end; default: the access token's login" })
  refreshToken?: string | null;
}

@InputType('ChangePasswordInput')
export class ChangePasswordInput {
  @Field({ description: 'The password in use now' })
  currentPassword!: string;

  @Field({ description: 'At least 12 characters' })
  newPassword!: string;
}

@InputType('CreateApiTokenInput')
export class CreateApiTokenInput {
  @Field({ description: 'What the token is for, e.g. "Print export"' })
  name!: string;

  @Field(() => UserRole)
  role!: UserRole;

  @Field(() => Date, { nullable: true, description: 'When it stops working; none means never' })
  expiresAt?: Date | null;
}

@InputType('RevokeApiTokenInput')
export class RevokeApiTokenInput {
  @Field(() => ID)
  id!: string;
}
