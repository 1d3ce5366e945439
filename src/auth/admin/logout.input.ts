import { Field, InputType } from '@nestjs/graphql';

@InputType('LogoutInput')
export class LogoutInput {
  @Field(() => String, { nullable: true, description: "The login to end; default: the access token's login" })
  refreshToken?: string | null;
}
