import { z } from 'zod';
import { globalIdSchema } from '../../common/global-id.js';
import { ArticleStatus } from '../../generated/prisma/client.js';
import { contentChangesSchema } from '../editing/article-content.js';

// zod twins of the GraphQL inputs: GraphQL checks shapes, these check meaning (lengths, slugs, ids,
// body blocks), and every failure names its path.
const revisionMessage = z.string().trim().max(500).nullish();
const version = z.number().int().min(1);

export const createArticleSchema = contentChangesSchema.required({ headline: true }).extend({ revisionMessage });

export const updateArticleSchema = contentChangesSchema.extend({
  id: globalIdSchema('Article'),
  expectedVersion: version,
  revisionMessage,
});

export const articleIdSchema = z.object({ id: globalIdSchema('Article') });

export const publishArticleSchema = articleIdSchema.extend({ expectedVersion: version.nullish() });

export const scheduleArticleSchema = articleIdSchema.extend({ publishAt: z.date() });

export const restoreRevisionSchema = articleIdSchema.extend({ version, expectedVersion: version, revisionMessage });

export const previewTokenSchema = articleIdSchema.extend({ expiresInSeconds: z.number().int().min(60).max(2_592_000).nullish() });

export const adminArticleFilterSchema = z.object({
  status: z.enum(ArticleStatus).nullish(),
  trashed: z.boolean().nullish(),
  mine: z.boolean().nullish(),
  search: z.string().trim().min(1).max(200).nullish(),
  sectionId: globalIdSchema('Section').nullish(),
  authorId: globalIdSchema('Author').nullish(),
  tagId: globalIdSchema('Tag').nullish(),
});

export type AdminArticleFilter = z.output<typeof adminArticleFilterSchema>;

/** Splits parsed update/create input into content changes and the rest. */
export function splitContent<T extends { revisionMessage?: string | null }>(input: T) {
  const { revisionMessage: message, ...rest } = input;
  const { id: _id, expectedVersion: _version, ...changes } = rest as T & { id?: unknown; expectedVersion?: unknown };
  return { message, changes: withoutUndefined(changes) };
}

// Absent input fields mean "unchanged"; only fields that were sent become changes.
function withoutUndefined<T extends object>(changes: T): T {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as T;
}
