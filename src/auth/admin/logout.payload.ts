import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('LogoutPayload')
export class LogoutPayload {
  @Field({ description: 'True once the login has ended (also when it already had)' })
  success!: boolean;
}
