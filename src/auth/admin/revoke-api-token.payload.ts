import { Field, ObjectType } from '@nestjs/graphql';
import { AdminApiToken } from './admin-api-token.model.js';

@ObjectType('RevokeApiTokenPayload')
export class RevokeApiTokenPayload {
  @Field(() => AdminApiToken)
  apiToken!: AdminApiToken;
}
