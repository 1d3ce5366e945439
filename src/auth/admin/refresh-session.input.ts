import { Field, InputType } from '@nestjs/graphql';

@InputType('RefreshSessionInput')
export class RefreshSessionInput {
  @Field(() => String, {
    nullable: true,
    description: 'The refresh token from the last login or refresh; each one works once. Leave out to use the session cookie',
  })
  refreshToken?: string | null;
}
