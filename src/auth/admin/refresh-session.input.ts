import { Field, InputType } from '@nestjs/graphql';

@InputType('RefreshSessionInput')
export class RefreshSessionInput {
  @Field({ description: 'The refresh token from the last login or refresh; each one works once' })
  refreshToken!: string;
}
