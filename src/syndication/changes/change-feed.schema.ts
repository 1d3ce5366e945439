import { z } from 'zod';

export const MAX_CHANGES_PAGE = 500;
export const DEFAULT_CHANGES_PAGE = 100;

const cursor = z.string().max(512).nullish();

// GET /syndication/changes?after=&limit= (query strings) and syndicationChanges(after:, first:).
// `since` is the old name of `after`, kept as a deprecated alias.
const changeFeedFields = z.object({
  after: cursor.describe('nextCursor of the previous page; none starts at the beginning'),
  since: cursor.describe('Deprecated alias of after'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_CHANGES_PAGE, `must be at most ${MAX_CHANGES_PAGE}`)
    .nullish()
    .describe('Changes per page'),
});

// Gives the cursor to read on from and the name it came under (for error paths); both at once are refused.
export const changeFeedQuerySchema = changeFeedFields
  .refine((query) => query.after == null || query.since == null, {
    path: ['since'],
    message: 'is the old name of after: send one of them',
  })
  .transform(({ after, since, limit }) => ({
    cursor: after ?? since ?? null,
    cursorPath: after == null && since != null ? 'since' : 'after',
    limit,
  }));
