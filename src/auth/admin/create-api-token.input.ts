import { Field, InputType } from '@nestjs/graphql';
import { UserRole } from '../../users/admin/user-role.enum.js';

// Shape only; api-token.schema.ts (createApiTokenSchema) is the validator of record.
@InputType('CreateApiTokenInput')
export class CreateApiTokenInput {
  @Field({ description: 'What the token is for, e.g. "Print export"' })
  name!: string;

  @Field(() => UserRole)
  role!: UserRole;

  @Field(() => Date, { nullable: true, description: 'When it stops working; none means never' })
  expiresAt?: Date | null;
}
