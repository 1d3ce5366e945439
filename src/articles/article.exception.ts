import type { Actor } from '../access/actor.js';
import { DomainError } from '../common/domain-error.js';

// The closed set of errors of writing, publishing and previewing articles.
export const ArticleErrors = {
  notFound: () => new DomainError('NOT_FOUND', 'No such article'),
  forbidden: (actor: Actor, action: string) =>
    new DomainError('FORBIDDEN', `Your role (${actor.role.toLowerCase()}) may not ${action}`),
  inTrash: () => new DomainError('CONFLICT', 'The article is in the trash: restore it first'),
  notInTrash: () => new DomainError('CONFLICT', 'The article is not in the trash'),
  noPendingChanges: () => new DomainError('CONFLICT', 'The article has no pending changes'),
  // Carries the current version, so a client can reload: never a silent overwrite.
  versionConflict: (currentVersion: number | null, expectedVersion: number) =>
    new DomainError(
      'CONFLICT',
      `The article was changed by someone else: it is at version ${currentVersion}, not ${expectedVersion}`,
      { currentVersion },
    ),
  slugTaken: (slug: string) => new DomainError('CONFLICT', `The slug "${slug}" is already used by another article`, { slug }),
  alreadyPublished: () => new DomainError('CONFLICT', 'The article is already published'),
  nothingToPublish: () => new DomainError('CONFLICT', 'The article is already published and has no pending changes'),
  cannotUnpublish: (status: string) => new DomainError('CONFLICT', `A ${status.toLowerCase()} article cannot be unpublished`),
  missingReferences: (paths: string[]) =>
    DomainError.badInput(paths.map((path) => ({ path, message: 'refers to something that does not exist or is in the trash' }))),
  notPublishable: (issues: { path: string; message: string }[]) =>
    DomainError.badInput(issues, 'The article cannot go public yet'),
  noSuchVersion: (path: string, version: number) =>
    DomainError.badInput([{ path, message: `the article has no version ${version}` }]),
  scheduleInPast: () => DomainError.badInput([{ path: 'input.publishAt', message: 'must be in the future' }]),
  invalidPreviewToken: () => new DomainError('UNAUTHENTICATED', 'The preview token is invalid or has expired'),
};
