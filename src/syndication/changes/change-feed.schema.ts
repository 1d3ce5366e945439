import { z } from 'zod';

export const MAX_CHANGES_PAGE = 500;
export const DEFAULT_CHANGES_PAGE = 100;

const cursor = z.string().max(512).nullish();

// The change feed's two doors name the same fields alike except the page size: `limit` in
// GET /syndication/changes?after=&limit=, `first` in syndicationChanges(after:, first:).
// `since` is the old name of `after`, kept as a deprecated alias.
const cursorFields = {
  after: cursor.describe('nextCursor of the previous page; none starts at the beginning'),
  since: cursor.describe('Deprecated alias of after'),
};
const pageSize = z.coerce
  .number()
  .int()
  .min(1)
  .max(MAX_CHANGES_PAGE, `must be at most ${MAX_CHANGES_PAGE}`)
  .nullish()
  .describe('Changes per page');

interface CursorFields {
  after?: string | null;
  since?: string | null;
}

const oneCursorName = (query: CursorFields) => query.after == null || query.since == null;
const ONE_CURSOR_NAME = { path: ['since'], message: 'is the old name of after: send one of them' };

// The cursor to read on from and the name it came under (for error paths).
function readOn({ after, since }: CursorFields, limit: number | null | undefined) {
  return { cursor: after ?? since ?? null, cursorPath: after == null && since != null ? 'since' : 'after', limit };
}

export const changeFeedQuerySchema = z
  .object({ ...cursorFields, limit: pageSize })
  .refine(oneCursorName, ONE_CURSOR_NAME)
  .transform((query) => readOn(query, query.limit));

export const changeFeedArgsSchema = z
  .object({ ...cursorFields, first: pageSize })
  .refine(oneCursorName, ONE_CURSOR_NAME)
  .transform((args) => readOn(args, args.first));

export type ChangeFeedPage = z.output<typeof changeFeedArgsSchema>;
