import { Field, InputType, registerEnumType } from '@nestjs/graphql';

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

// Shape only; session.schema.ts (loginSchema) is the validator of record.
@InputType('LoginInput')
export class LoginInput {
  @Field()
  email!: string;

  @Field()
  password!: string;

  @Field(() => RefreshTokenTransport, { nullable: true, description: 'Default BODY' })
  session?: RefreshTokenTransport | null;
}
