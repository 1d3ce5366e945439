import type { z } from 'zod';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../access/actor.js';
import { CurrentActor } from '../../access/current-actor.decorator.js';
import { Requires } from '../../access/requires.decorator.js';
import { ValidInput } from '../../graphql-types/valid-input.decorator.js';
import { ConnectionArgs, toPageRequest } from '../../graphql-types/pagination/connection.args.js';
import type { Connection } from '../../common/pagination/connection.js';
import { createApiTokenSchema, revokeApiTokenSchema, type CreateApiTokenData } from '../api-token.schema.js';
import { ApiTokenService } from '../api-token.service.js';
import { AdminApiTokenModel, AdminApiTokenConnection } from './admin-api-token.model.js';
import { CreateApiTokenInput, RevokeApiTokenInput } from './auth-admin.inputs.js';
import { CreateApiTokenPayload, RevokeApiTokenPayload } from './auth-admin.payloads.js';

@Resolver(() => AdminApiTokenModel)
export class ApiTokenAdminResolver {
  constructor(private readonly tokenService: ApiTokenService) {}

  @Query(() => AdminApiTokenConnection, { description: 'Every API token, newest first, revoked ones included (admins only)' })
  @Requires('ADMIN', 'list API tokens')
  async apiTokens(@Args() args: ConnectionArgs): Promise<Connection<AdminApiTokenModel>> {
    return this.tokenService.list(toPageRequest(args));
  }

  @Mutation(() => CreateApiTokenPayload, { description: 'Creates an API token and shows it once (admins only)' })
  @Requires('ADMIN', 'create API tokens')
  async createApiToken(
    @ValidInput(CreateApiTokenInput, createApiTokenSchema) input: CreateApiTokenData,
    @CurrentActor() actor: Actor,
  ): Promise<CreateApiTokenPayload> {
    const { token, apiToken } = await this.tokenService.create(actor, input);
    return { token, apiToken: AdminApiTokenModel.fromRow(apiToken) };
  }

  @Mutation(() => RevokeApiTokenPayload, { description: 'Revokes an API token at once (admins only)' })
  @Requires('ADMIN', 'revoke API tokens')
  async revokeApiToken(
    @ValidInput(RevokeApiTokenInput, revokeApiTokenSchema) { id }: z.output<typeof revokeApiTokenSchema>,
    @CurrentActor() actor: Actor,
  ): Promise<RevokeApiTokenPayload> {
    return { apiToken: AdminApiTokenModel.fromRow(await this.tokenService.revoke(actor, id)) };
  }
}
