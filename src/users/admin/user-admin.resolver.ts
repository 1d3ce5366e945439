import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../access/actor.js';
import { CurrentActor } from '../../access/current-actor.decorator.js';
import { Requires } from '../../access/requires.decorator.js';
import { ConnectionArgs, toPageRequest } from '../../graphql-types/pagination/connection.args.js';
import type { Connection } from '../../common/pagination/connection.js';
import { UserEditorService } from '../user-editor.service.js';
import { createUserSchema, updateUserSchema, type CreateUserData, type UpdateUserData } from '../user.schema.js';
import { ValidInput } from '../../graphql-types/valid-input.decorator.js';
import { AdminUserModel, AdminUserConnection } from './admin-user.model.js';
import { AdminViewerModel } from './admin-viewer.model.js';
import { CreateUserInput, UpdateUserInput } from './user-admin.inputs.js';
import { CreateUserPayload, UpdateUserPayload } from './user-admin.payloads.js';

@Resolver(() => AdminUserModel)
export class UserAdminResolver {
  constructor(private readonly userService: UserEditorService) {}

  @Query(() => AdminViewerModel, { description: 'The caller: any logged-in user or API token' })
  @Requires('CONTRIBUTOR', 'see who you are')
  async me(@CurrentActor() actor: Actor): Promise<AdminViewerModel> {
    return AdminViewerModel.of(await this.userService.viewer(actor));
  }

  @Query(() => AdminUserConnection, { description: 'Every account, by name (admins only)' })
  @Requires('ADMIN', 'list users')
  async users(@Args() args: ConnectionArgs): Promise<Connection<AdminUserModel>> {
    return this.userService.list(toPageRequest(args), AdminUserModel.fromRow);
  }

  @Mutation(() => CreateUserPayload, { description: 'Creates an account (admins only)' })
  @Requires('ADMIN', 'create users')
  async createUser(
    @ValidInput(CreateUserInput, createUserSchema) input: CreateUserData,
    @CurrentActor() actor: Actor,
  ): Promise<CreateUserPayload> {
    const user = await this.userService.create(actor, input);
    return { user: AdminUserModel.fromRow(user) };
  }

  @Mutation(() => UpdateUserPayload, { description: 'Changes, disables or re-enables an account (admins only)' })
  @Requires('ADMIN', 'change users')
  async updateUser(
    @ValidInput(UpdateUserInput, updateUserSchema) input: UpdateUserData,
    @CurrentActor() actor: Actor,
  ): Promise<UpdateUserPayload> {
    const user = await this.userService.update(actor, input);
    return { user: AdminUserModel.fromRow(user) };
  }
}
