import { Field, ObjectType } from '@nestjs/graphql';
import { AdminApiToken } from './admin-api-token.model.js';

@ObjectType('CreateApiTokenPayload')
export class CreateApiTokenPayload {
  @Field({ description: 'The token, shown only this once: send it as "Authorization: Bearer <token>"' })
  token!: string;

  @Field(() => AdminApiToken)
  apiToken!: AdminApiToken;
}
