import { Field, ID, InputType } from '@nestjs/graphql';

@InputType('RevokeApiTokenInput')
export class RevokeApiTokenInput {
  @Field(() => ID)
  id!: string;
}
