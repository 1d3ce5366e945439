import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Viewer } from '../user-editor.service.js';
import { AdminUserModel } from './admin-user.model.js';
import { UserRole } from './user-role.enum.js';

export enum ActorKind {
  USER = 'USER',
  API_TOKEN = 'API_TOKEN',
}

registerEnumType(ActorKind, { name: 'ActorKind', description: 'How the caller authenticated' });

// Who is calling: a logged-in user, or an integration through an API token (which has no user).
@ObjectType('AdminViewer', { description: 'The caller: a logged-in user or an API token' })
export class AdminViewerModel {
  @Field(() => ID, { description: 'The user id, or the API token id' })
  id!: string;

  @Field(() => ActorKind)
  kind!: ActorKind;

  @Field(() => UserRole, { description: 'What the caller may do' })
  role!: UserRole;

  @Field(() => AdminUserModel, { nullable: true, description: 'Null when calling with an API token' })
  user!: AdminUserModel | null;

  static of({ actor, user }: Viewer): AdminViewerModel {
    return Object.assign(new AdminViewerModel(), {
      id: actor.userId ?? actor.tokenId,
      kind: actor.kind === 'api_token' ? ActorKind.API_TOKEN : ActorKind.USER,
      role: actor.role,
      user: user ? AdminUserModel.fromRow(user) : null,
    });
  }
}
