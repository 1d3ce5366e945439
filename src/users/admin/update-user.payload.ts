import { Field, ObjectType } from '@nestjs/graphql';
import { AdminUser } from './admin-user.model.js';

@ObjectType('UpdateUserPayload')
export class UpdateUserPayload {
  @Field(() => AdminUser)
  user!: AdminUser;
}
