import type { DomainError } from '../../common/domain-error.js';
import { ArticleErrors } from '../article.exception.js';
import type { ArticleStatus } from '../../generated/prisma/client.js';

// The publishing workflow as a table: which status each step may start from, and where it leads.
//   DRAFT | ARCHIVED | SCHEDULED -> PUBLISHED (publish; the first publish sets publishedAt)
//   PUBLISHED with pending changes -> PUBLISHED (publish applies the changes)
//   DRAFT | ARCHIVED | SCHEDULED -> SCHEDULED (schedule / reschedule)
//   PUBLISHED -> ARCHIVED, SCHEDULED -> DRAFT (unpublish)
export type WorkflowStep = 'publish' | 'schedule' | 'unpublish';

export interface WorkflowState {
  readonly status: ArticleStatus;
  /** Edits saved on a live article, not yet public (null/undefined: none). */
  readonly pendingChanges: unknown;
}

const NEXT: Record<WorkflowStep, Partial<Record<ArticleStatus, ArticleStatus>>> = {
  publish: { DRAFT: 'PUBLISHED', ARCHIVED: 'PUBLISHED', SCHEDULED: 'PUBLISHED', PUBLISHED: 'PUBLISHED' },
  schedule: { DRAFT: 'SCHEDULED', ARCHIVED: 'SCHEDULED', SCHEDULED: 'SCHEDULED' },
  unpublish: { PUBLISHED: 'ARCHIVED', SCHEDULED: 'DRAFT' },
};

function refusal(step: WorkflowStep, article: WorkflowState): DomainError {
  if (step === 'publish') return ArticleErrors.nothingToPublish();
  if (step === 'schedule') return ArticleErrors.alreadyPublished();
  return ArticleErrors.cannotUnpublish(article.status);
}

/** The status `step` leads to from `article`'s, or CONFLICT when the workflow does not allow it. */
export function nextStatus(step: WorkflowStep, article: WorkflowState): ArticleStatus {
  const next = NEXT[step][article.status];
  // Publishing a live article only makes sense when there is something new to publish.
  const pointless = step === 'publish' && article.status === 'PUBLISHED' && !article.pendingChanges;
  if (!next || pointless) throw refusal(step, article);
  return next;
}
