import { Field, ID, InputType } from '@nestjs/graphql';
import { UserRole } from './user-role.enum.js';

// The input types of user accounts. Shapes only: user.schema.ts (createUserSchema, updateUserSchema)
// is the validator of record.

@InputType('CreateUserInput')
export class CreateUserInput {
  @Field({ description: 'Login email; stored lower-cased, unique' })
  email!: string;

  @Field()
  name!: string;

  @Field(() => UserRole)
  role!: UserRole;

  @Field({ description: 'At least 12 characters' })
  password!: string;

  @Field(() => ID, { nullable: true, description: 'Global id of the Author (byline) this user writes under' })
  authorId?: string | null;
}

// Omitted fields stay as they are.
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
