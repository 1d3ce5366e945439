import type { Actor } from '../../auth/actor.js';
import { hasRole, requireActor } from '../../auth/roles.js';
import { DomainError } from '../../common/domain-error.js';
import type { Article } from '../../generated/prisma/client.js';

// Who may do what to an article. Contributors write and edit their own drafts; authors also publish
// their own articles; editors and admins handle every article; only admins purge.
function isOwn(actor: Actor, article: Article): boolean {
  return actor.userId !== null && article.createdById === actor.userId;
}

function refuse(actor: Actor, action: string): never {
  throw new DomainError('FORBIDDEN', `Your role (${actor.role.toLowerCase()}) may not ${action}`);
}

export function assertCanView(actor: Actor | null, article: Article): Actor {
  const known = requireActor(actor);
  if (hasRole(known, 'EDITOR') || isOwn(known, article)) return known;
  return refuse(known, "see another writer's article");
}

export function assertCanEdit(actor: Actor | null, article: Article): Actor {
  const known = requireActor(actor);
  if (hasRole(known, 'EDITOR')) return known;
  if (!isOwn(known, article)) refuse(known, "edit another writer's article");
  if (!hasRole(known, 'AUTHOR') && article.status !== 'DRAFT') refuse(known, 'edit an article once it is scheduled or published');
  return known;
}

export function assertCanPublish(actor: Actor | null, article: Article): Actor {
  const known = requireActor(actor);
  if (hasRole(known, 'EDITOR')) return known;
  if (!hasRole(known, 'AUTHOR')) refuse(known, 'publish, schedule or unpublish articles');
  if (!isOwn(known, article)) refuse(known, "publish another writer's article");
  return known;
}

export function assertCanPurge(actor: Actor | null): Actor {
  const known = requireActor(actor);
  if (!hasRole(known, 'ADMIN')) refuse(known, 'permanently delete articles');
  return known;
}
