import type { Actor } from '../../access/actor.js';
import { hasRole } from '../../access/roles.js';
import { ArticleErrors } from '../article.exception.js';
import type { Article } from '../../generated/prisma/client.js';

// Who may do what to a given article: the rules that depend on the article (whose it is, its status).
// What depends on the role alone is declared on each operation with @Requires (the admin resolvers):
// a login to read or write, author to publish, schedule or unpublish, admin to purge.
function isOwn(actor: Actor, article: Article): boolean {
  return actor.userId !== null && article.createdById === actor.userId;
}

function refuse(actor: Actor, action: string): never {
  throw ArticleErrors.forbidden(actor, action);
}

/** Writers below editor see only their own articles (the list filters the same way). */
export function assertCanView(actor: Actor, article: Article): void {
  if (hasRole(actor, 'EDITOR') || isOwn(actor, article)) return;
  refuse(actor, "see another writer's article");
}

/** Writers edit their own articles, contributors only while a draft; editors edit all. */
export function assertCanEdit(actor: Actor, article: Article): void {
  if (hasRole(actor, 'EDITOR')) return;
  if (!isOwn(actor, article)) refuse(actor, "edit another writer's article");
  if (!hasRole(actor, 'AUTHOR') && article.status !== 'DRAFT') refuse(actor, 'edit an article once it is scheduled or published');
}

/** Authors publish, schedule and unpublish their own articles (the operation demands author); editors all. */
export function assertCanPublish(actor: Actor, article: Article): void {
  if (hasRole(actor, 'EDITOR') || isOwn(actor, article)) return;
  refuse(actor, "publish another writer's article");
}
