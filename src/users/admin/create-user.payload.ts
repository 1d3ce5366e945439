import { Field, ObjectType } from '@nestjs/graphql';
import { AdminUser } from './admin-user.model.js';

@ObjectType('CreateUserPayload')
export class CreateUserPayload {
  @Field(() => AdminUser)
  user!: AdminUser;
}
