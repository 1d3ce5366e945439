import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { AdminUser } from '../../users/admin/admin-user.model.js';

// Shape only; session.schema.ts (changePasswordSchema) is the validator of record.
@InputType('ChangePasswordInput')
export class ChangePasswordInput {
  @Field({ description: 'The password in use now' })
  currentPassword!: string;

  @Field({ description: 'At least 12 characters' })
  newPassword!: string;
}

@ObjectType('ChangePasswordPayload')
export class ChangePasswordPayload {
  @Field(() => AdminUser)
  user!: AdminUser;
}
