import { z } from 'zod';
import { globalIdSchema } from '../../common/global-id.js';
import { slugSchema } from '../../common/slug.js';
import { ArticleType } from '../../generated/prisma/client.js';
import { articleBodySchema, type ArticleBody } from '../body/article-body.schema.js';

// Everything an editor can change about an article: what a revision snapshots, what pending changes
// on a live article hold, and what a restore puts back. Ids here are database uuids.
export interface ArticleContent {
  slug: string;
  headline: string;
  dek: string | null;
  body: ArticleBody;
  teaser: string | null;
  type: ArticleType;
  sectionId: string | null;
  seriesId: string | null;
  featuredImageId: string | null;
  authorIds: string[];
  tagIds: string[];
  seoTitle: string | null;
  seoDescription: string | null;
  canonicalUrl: string | null;
}

export const CONTENT_FIELDS = [
  'slug',
  'headline',
  'dek',
  'body',
  'teaser',
  'type',
  'sectionId',
  'seriesId',
  'featuredImageId',
  'authorIds',
  'tagIds',
  'seoTitle',
  'seoDescription',
  'canonicalUrl',
] as const satisfies readonly (keyof ArticleContent)[];

const httpUrl = z
  .string()
  .trim()
  .max(2048)
  .url()
  .refine((value) => /^https?:\/\//i.test(value), 'must be an http(s) URL');

const optionalText = (max: number) => z.string().trim().max(max).nullable();

function uniqueIds(type: 'Author' | 'Tag', max: number) {
  return z
    .array(globalIdSchema(type))
    .max(max)
    .refine((ids) => new Set(ids).size === ids.length, 'must not repeat an id');
}

// Input shapes as the admin API receives them (global ids, GraphQL nulls); every field optional here,
// create and update decide which are required.
export const contentChangesSchema = z
  .object({
    slug: slugSchema,
    headline: z.string().trim().min(1, 'must not be empty').max(300),
    dek: optionalText(600),
    body: articleBodySchema,
    teaser: optionalText(1000),
    type: z.enum(ArticleType),
    sectionId: globalIdSchema('Section').nullable(),
    seriesId: globalIdSchema('Series').nullable(),
    featuredImageId: globalIdSchema('Image').nullable(),
    authorIds: uniqueIds('Author', 20),
    tagIds: uniqueIds('Tag', 50),
    seoTitle: optionalText(300),
    seoDescription: optionalText(1000),
    canonicalUrl: httpUrl.nullable(),
  })
  .partial();

export type ContentChanges = z.output<typeof contentChangesSchema>;

/** Stored snapshots (revisions, pending changes) are re-validated when read back. */
export const storedContentSchema = z.object({
  slug: z.string(),
  headline: z.string(),
  dek: z.string().nullable(),
  body: articleBodySchema,
  teaser: z.string().nullable(),
  type: z.enum(ArticleType),
  sectionId: z.string().uuid().nullable(),
  seriesId: z.string().uuid().nullable(),
  featuredImageId: z.string().uuid().nullable(),
  authorIds: z.array(z.string().uuid()),
  tagIds: z.array(z.string().uuid()),
  seoTitle: z.string().nullable(),
  seoDescription: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
});

export function applyChanges(content: ArticleContent, changes: ContentChanges): ArticleContent {
  const next = { ...content };
  for (const field of CONTENT_FIELDS) {
    if (changes[field] !== undefined) (next as Record<string, unknown>)[field] = changes[field];
  }
  return next;
}

/** Field-by-field differences between two contents (for revision comparison). */
export function diffContent(before: ArticleContent, after: ArticleContent): { field: string; before: unknown; after: unknown }[] {
  return CONTENT_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field])).map((field) => ({
    field,
    before: before[field],
    after: after[field],
  }));
}
