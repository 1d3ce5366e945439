import { z } from 'zod';
import { ArticleType } from '../../generated/prisma/client.js';
import type { ArticleListFilter, ArticleOrder } from '../article-list.query.js';

const slug = z.string().trim().min(1).max(200);

// articles(filter:): the slugs name what to narrow by; the repository's filter says which kind of slug.
const filterSchema = z
  .object({
    tag: slug.nullish(),
    section: slug.nullish(),
    series: slug.nullish(),
    author: slug.nullish(),
    type: z.enum(ArticleType).nullish(),
    search: z.string().trim().min(1, 'must not be empty').max(200).nullish(),
  })
  .nullish()
  .transform((filter): ArticleListFilter => ({
    tagSlug: filter?.tag ?? undefined,
    sectionSlug: filter?.section ?? undefined,
    seriesSlug: filter?.series ?? undefined,
    authorSlug: filter?.author ?? undefined,
    type: filter?.type ?? undefined,
    search: filter?.search ?? undefined,
  }));

// Paging is toPageRequest's. orderBy's values are ArticleOrderBy's (the spec inputs-match-schemas compares them).
export const articlesArgsSchema = z.object({
  filter: filterSchema,
  orderBy: z.enum(['NEWEST', 'OLDEST', 'RELEVANCE'] satisfies ArticleOrder[]).nullish(),
});

export type ArticlesQuery = z.output<typeof articlesArgsSchema>;

// latestArticles(first:), relatedArticles(first:) and Article.relatedArticles(first:).
export const latestArticlesSchema = z.object({ first: z.number().int().min(1).max(50) });

export type LatestArticlesQuery = z.output<typeof latestArticlesSchema>;

// relatedArticles(id:, first:): an id that names no article gives an empty list, as before.
export const relatedArticlesSchema = latestArticlesSchema.extend({ id: z.string() });

export type RelatedArticlesQuery = z.output<typeof relatedArticlesSchema>;
