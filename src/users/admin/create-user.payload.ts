import { Field, ObjectType } from '@nestjs/graphql';
import { AdminUserModel } from './admin-user.model.js';

@ObjectType('CreateUserPayload')
export class CreateUserPayload {
  @Field(() => AdminUserModel)
  user!: AdminUserModel;
}
