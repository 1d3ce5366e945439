import { Field, ID, InputType } from '@nestjs/graphql';
import { UserRole } from './user-role.enum.js';

// Shape only; user.schema.ts (updateUserSchema) is the validator of record. Omitted fields stay as they are.
@InputType('UpdateUserInput')
export class UpdateUserInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => UserRole, { nullable: true })
  role?: UserRole | null;

  @Field(() => Boolean, { nullable: true, description: 'Disabling ends every session of the user' })
  disabled?: boolean | null;

  @Field(() => String, { nullable: true, description: 'A new password (12+ characters); ends every session of the user' })
  password?: string | null;

  @Field(() => ID, { nullable: true, description: 'Global id of the Author (byline); null unlinks it' })
  authorId?: string | null;
}
