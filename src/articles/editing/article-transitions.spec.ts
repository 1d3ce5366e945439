import { DomainError } from '../../common/domain-error.js';
import type { ArticleStatus } from '../../generated/prisma/client.js';
import { nextStatus, type WorkflowStep } from './article-transitions.js';

const PENDING = { headline: 'Corrected headline' };

// Every step from every status, with and without pending changes: the whole workflow in one table.
// null = refused with CONFLICT.
const TABLE: [WorkflowStep, ArticleStatus, unknown, ArticleStatus | null][] = [
  ['publish', 'DRAFT', null, 'PUBLISHED'],
  ['publish', 'ARCHIVED', null, 'PUBLISHED'],
  ['publish', 'SCHEDULED', null, 'PUBLISHED'],
  ['publish', 'PUBLISHED', PENDING, 'PUBLISHED'],
  ['publish', 'PUBLISHED', null, null],
  ['schedule', 'DRAFT', null, 'SCHEDULED'],
  ['schedule', 'ARCHIVED', null, 'SCHEDULED'],
  ['schedule', 'SCHEDULED', null, 'SCHEDULED'],
  ['schedule', 'PUBLISHED', null, null],
  ['schedule', 'PUBLISHED', PENDING, null],
  ['unpublish', 'PUBLISHED', null, 'ARCHIVED'],
  ['unpublish', 'PUBLISHED', PENDING, 'ARCHIVED'],
  ['unpublish', 'SCHEDULED', null, 'DRAFT'],
  ['unpublish', 'DRAFT', null, null],
  ['unpublish', 'ARCHIVED', null, null],
];

function refusalOf(step: WorkflowStep, status: ArticleStatus, pendingChanges: unknown): DomainError | undefined {
  try {
    nextStatus(step, { status, pendingChanges });
    return undefined;
  } catch (error) {
    return error as DomainError;
  }
}

describe('article workflow transitions', () => {
  it.each(TABLE)('%s from %s (pending changes: %j) -> %s', (step, status, pendingChanges, expected) => {
    if (expected) {
      expect(nextStatus(step, { status, pendingChanges })).toBe(expected);
    } else {
      const error = refusalOf(step, status, pendingChanges);
      expect(error).toBeInstanceOf(DomainError);
      expect(error?.code).toBe('CONFLICT');
    }
  });

  it('covers every step from every status', () => {
    const steps: WorkflowStep[] = ['publish', 'schedule', 'unpublish'];
    const statuses: ArticleStatus[] = ['DRAFT', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED'];
    const covered = new Set(TABLE.map(([step, status]) => `${step} ${status}`));
    expect(steps.flatMap((step) => statuses.map((status) => `${step} ${status}`)).filter((pair) => !covered.has(pair))).toEqual(
      [],
    );
  });

  it('says why a step is refused, in words an editor understands', () => {
    expect(refusalOf('publish', 'PUBLISHED', null)?.message).toBe('The article is already published and has no pending changes');
    expect(refusalOf('schedule', 'PUBLISHED', null)?.message).toBe('The article is already published');
    expect(refusalOf('unpublish', 'ARCHIVED', null)?.message).toBe('A archived article cannot be unpublished');
    expect(refusalOf('unpublish', 'DRAFT', null)?.message).toBe('A draft article cannot be unpublished');
  });
});
