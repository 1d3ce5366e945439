import { Injectable } from '@nestjs/common';
import { CacheKeys } from '../cache/cache-keys.js';
import { tagLookup, tagRequested, tagResponse } from '../cache/response-keys.js';
import { PrismaService } from '../database/prisma.service.js';
import { Prisma, type Article } from '../generated/prisma/client.js';
import type { PageRequest } from '../graphql/pagination/connection.args.js';
import {
  ArticleListQuery,
  PUBLISHED,
  type ArticleListFilter,
  type ArticleListKey,
  type ArticleOrder,
} from './article-list.query.js';

// Prisma-side twin of PUBLISHED (article-list.query.ts): keep the two in step.
const publishedWhere = { status: 'PUBLISHED', deletedAt: null, publishedAt: { not: null } } satisfies Prisma.ArticleWhereInput;

export interface ArticlePage {
  rows: { article: Article; cursor: string }[];
  count: () => Promise<number>;
}

@Injectable()
export class ArticleRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** By current slug, else by a slug it had before a rename. */
  async findPublishedBySlug(slug: string): Promise<Article | null> {
    const current = await this.prisma.article.findFirst({ where: { slug, ...publishedWhere } });
    if (current) return tagLookup('article', current);
    return tagLookup(
      'article',
      await this.prisma.article.findFirst({ where: { oldSlugs: { some: { slug } }, ...publishedWhere } }),
    );
  }

  async findPublishedByIds(ids: readonly string[]): Promise<Article[]> {
    const rows = await this.prisma.article.findMany({ where: { id: { in: [...ids] }, ...publishedWhere } });
    return tagRequested('article', ids, inOrderOf(ids, rows));
  }

  /** One keyset page: one query for ids and sort keys, one for the rows; counting is deferred. */
  async listPublished(filter: ArticleListFilter, order: ArticleOrder, page: PageRequest): Promise<ArticlePage> {
    const query = new ArticleListQuery(filter, order);
    tagResponse(...listKeysOf(filter));
    const keys = await this.prisma.$queryRaw<ArticleListKey[]>(query.page(page));
    const articles = keys.length ? await this.findPublishedByIds(keys.map((key) => key.id)) : [];
    const byId = new Map(articles.map((article) => [article.id, article]));
    return {
      rows: keys.flatMap((key) => {
        const article = byId.get(key.id);
        return article ? [{ article, cursor: query.cursorOf(key) }] : [];
      }),
      count: async () => (await this.prisma.$queryRaw<{ count: number }[]>(query.count()))[0]?.count ?? 0,
    };
  }

  /** Articles sharing the most tags first, then same-section ones, newest first within each. */
  async findRelatedPublished(article: Pick<Article, 'id' | 'sectionId'>, limit: number): Promise<Article[]> {
    tagResponse(CacheKeys.relatedArticles);
    const keys = await this.prisma.$queryRaw<{ id: string }[]>(Prisma.sql`
      WITH shared AS (
        SELECT other.article_id, count(*) AS shared_tags
        FROM article_tags mine
        JOIN article_tags other ON other.tag_id = mine.tag_id AND other.article_id <> mine.article_id
        WHERE mine.article_id = ${article.id}::uuid
        GROUP BY other.article_id
      )
      SELECT a.id FROM articles a LEFT JOIN shared s ON s.article_id = a.id
      WHERE ${PUBLISHED} AND a.id <> ${article.id}::uuid
        AND (s.shared_tags IS NOT NULL OR a.section_id = ${article.sectionId}::uuid)
      ORDER BY coalesce(s.shared_tags, 0) DESC, (a.section_id IS NOT DISTINCT FROM ${article.sectionId}::uuid) DESC,
        a.published_at DESC, a.id DESC
      LIMIT ${limit}`);
    return this.findPublishedByIds(keys.map((key) => key.id));
  }

  /** Published in [from, to), newest first, with section and bylines (newsletter round-ups). */
  findPublishedBetween(from: Date, to: Date, limit: number) {
    return this.prisma.article.findMany({
      where: { ...publishedWhere, publishedAt: { gte: from, lt: to } },
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
      take: limit,
      include: { section: true, authors: { orderBy: { position: 'asc' }, include: { author: true } } },
    });
  }
}

function inOrderOf(ids: readonly string[], rows: Article[]): Article[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

// The list keys of a filtered list (see CacheKeys): an article can only enter a list narrowed by a
// tag through that tag, so one narrowing key is enough; search results re-rank on any change.
function listKeysOf(filter: ArticleListFilter): string[] {
  const keys: string[] = [];
  if (filter.search) keys.push(CacheKeys.searchResults);
  if (filter.tagSlug) keys.push(CacheKeys.articlesOf('tag', filter.tagSlug));
  else if (filter.authorSlug) keys.push(CacheKeys.articlesOf('author', filter.authorSlug));
  else if (filter.sectionSlug) keys.push(CacheKeys.articlesOf('section', filter.sectionSlug));
  else if (filter.seriesSlug) keys.push(CacheKeys.articlesOf('series', filter.seriesSlug));
  else if (!filter.search) keys.push(CacheKeys.allArticles);
  return keys;
}
