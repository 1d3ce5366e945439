import { Field, ObjectType } from '@nestjs/graphql';
import { AdminUserModel } from './admin-user.model.js';

@ObjectType('UpdateUserPayload')
export class UpdateUserPayload {
  @Field(() => AdminUserModel)
  user!: AdminUserModel;
}
