import { Field, ID, InputType } from '@nestjs/graphql';
import { UserRole } from './user-role.enum.js';

// Shape only; user.schema.ts (createUserSchema) is the validator of record.
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
