import { z } from 'zod';

export const MAX_CHANGES_PAGE = 500;
export const DEFAULT_CHANGES_PAGE = 100;

// GET /syndication/changes?since=&limit= (query strings) and syndicationChanges(since:, first:).
export const changeFeedQuerySchema = z.object({
  since: z.string().max(512).nullish().describe('nextCursor of the previous page; none starts at the beginning'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_CHANGES_PAGE, `must be at most ${MAX_CHANGES_PAGE}`)
    .nullish()
    .describe('Changes per page'),
});
