import { Field, InputType } from '@nestjs/graphql';

// Shape only; session.schema.ts (loginSchema) is the validator of record.
@InputType('LoginInput')
export class LoginInput {
  @Field()
  email!: string;

  @Field()
  password!: string;
}
