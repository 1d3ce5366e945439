import { z } from 'zod';
import { ArticleType } from '../../generated/prisma/client.js';
import type { ArticleListFilter } from '../article-list.query.js';

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

// Paging and orderBy are toPageRequest's and GraphQL's enum check.
export const articlesArgsSchema = z.object({ filter: filterSchema });

export type ArticlesQuery = z.output<typeof articlesArgsSchema>;

// latestArticles(first:), relatedArticles(first:) and Article.relatedArticles(first:).
export const latestArticlesSchema = z.object({ first: z.number().int().min(1).max(50) });

export type LatestArticlesQuery = z.output<typeof latestArticlesSchema>;
