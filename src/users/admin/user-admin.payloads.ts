import { Field, ObjectType } from '@nestjs/graphql';
import { AdminUserModel } from './admin-user.model.js';

// The results of the user mutations.

@ObjectType('CreateUserPayload')
export class CreateUserPayload {
  @Field(() => AdminUserModel)
  user!: AdminUserModel;
}

@ObjectType('UpdateUserPayload')
export class UpdateUserPayload {
  @Field(() => AdminUserModel)
  user!: AdminUserModel;
}
