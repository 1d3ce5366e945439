import { Injectable } from '@nestjs/common';
import { CacheKeys } from '../cache/cache-keys.js';
import type { ResponseKeys } from '../cache/response-keys.js';
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

/** How many of each tag's newest articles are candidates for an article's related list. */
const RELATED_PER_TAG = 200;

// Prisma-side twin of PUBLISHED (article-list.query.ts): keep the two in step.
const publishedWhere = { status: 'PUBLISHED', deletedAt: null, publishedAt: { not: null } } satisfies Prisma.ArticleWhereInput;

/** What public reads load of an article: everything but the search text and an editor's unpublished changes. */
export type PublicArticleRow = Omit<Article, 'bodyText' | 'pendingChanges'>;
const publicColumns = { omit: { bodyText: true, pendingChanges: true } } as const;

export interface ArticlePage {
  rows: { article: PublicArticleRow; cursor: string }[];
  count: () => Promise<number>;
}

@Injectable()
export class ArticleRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** By current slug, else by a slug it had before a rename. */
  async findPublishedBySlug(slug: string, keys: ResponseKeys): Promise<PublicArticleRow | null> {
    const current = await this.prisma.article.findFirst({ where: { slug, ...publishedWhere }, ...publicColumns });
    if (current) return keys.lookup('article', current);
    return keys.lookup(
      'article',
      await this.prisma.article.findFirst({ where: { oldSlugs: { some: { slug } }, ...publishedWhere }, ...publicColumns }),
    );
  }

  async findPublishedByIds(ids: readonly string[], keys: ResponseKeys): Promise<PublicArticleRow[]> {
    const rows = await this.prisma.article.findMany({ where: { id: { in: [...ids] }, ...publishedWhere }, ...publicColumns });
    return keys.requested('article', ids, inOrderOf(ids, rows));
  }

  /** One keyset page: one query for ids and sort keys, one for the rows; counting is deferred. */
  async listPublished(
    filter: ArticleListFilter,
    order: ArticleOrder,
    page: PageRequest,
    keys: ResponseKeys,
  ): Promise<ArticlePage> {
    const query = new ArticleListQuery(filter, order);
    keys.add(...listKeysOf(filter));
    const sortKeys = await this.prisma.$queryRaw<ArticleListKey[]>(query.page(page));
    const articles = sortKeys.length
      ? await this.findPublishedByIds(
          sortKeys.map((key) => key.id),
          keys,
        )
      : [];
    const byId = new Map(articles.map((article) => [article.id, article]));
    return {
      rows: sortKeys.flatMap((key) => {
        const article = byId.get(key.id);
        return article ? [{ article, cursor: query.cursorOf(key) }] : [];
      }),
      count: async () => (await this.prisma.$queryRaw<{ count: number }[]>(query.count()))[0]?.count ?? 0,
    };
  }

  /**
   * Articles sharing the most tags first, then same-section ones, newest first within each. Candidates
   * are the RELATED_PER_TAG newest articles of each of its tags and the newest of its section, so the
   * cost stays flat however many articles a popular tag has.
   */
  async findRelatedPublished(
    article: Pick<Article, 'id' | 'sectionId'>,
    limit: number,
    keys: ResponseKeys,
  ): Promise<PublicArticleRow[]> {
    keys.add(CacheKeys.relatedArticles);
    const related = await this.prisma.$queryRaw<{ id: string }[]>(Prisma.sql`
      WITH shared AS (
        SELECT recent.article_id AS id, count(*) AS shared_tags
        FROM article_tags mine
        CROSS JOIN LATERAL (
          SELECT other.article_id FROM article_tags other
          WHERE other.tag_id = mine.tag_id AND other.article_id <> mine.article_id AND other.published_at IS NOT NULL
          ORDER BY other.published_at DESC, other.article_id DESC
          LIMIT ${RELATED_PER_TAG}
        ) recent
        WHERE mine.article_id = ${article.id}::uuid
        GROUP BY recent.article_id
      ), same_section AS (
        SELECT a.id, 0::bigint AS shared_tags FROM articles a
        WHERE a.section_id = ${article.sectionId}::uuid AND ${PUBLISHED} AND a.id <> ${article.id}::uuid
        ORDER BY a.status, a.published_at DESC, a.id DESC
        LIMIT ${limit}
      ), candidates AS (
        SELECT id, max(shared_tags) AS shared_tags FROM (SELECT * FROM shared UNION ALL SELECT * FROM same_section) c GROUP BY id
      )
      SELECT a.id FROM candidates c JOIN articles a ON a.id = c.id
      WHERE ${PUBLISHED} AND a.id <> ${article.id}::uuid
      ORDER BY c.shared_tags DESC, (a.section_id IS NOT DISTINCT FROM ${article.sectionId}::uuid) DESC,
        a.published_at DESC, a.id DESC
      LIMIT ${limit}`);
    return this.findPublishedByIds(
      related.map((row) => row.id),
      keys,
    );
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

function inOrderOf(ids: readonly string[], rows: PublicArticleRow[]): PublicArticleRow[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

// The list keys of a filtered list (see CacheKeys): an article can only enter a list narrowed by a
// tag through that tag, so one narrowing key is enough; search results re-rank on any change.
function listKeysOf(filter: ArticleListFilter): string[] {
  const lists: string[] = [];
  if (filter.search) lists.push(CacheKeys.searchResults);
  if (filter.tagSlug) lists.push(CacheKeys.articlesOf('tag', filter.tagSlug));
  else if (filter.authorSlug) lists.push(CacheKeys.articlesOf('author', filter.authorSlug));
  else if (filter.sectionSlug) lists.push(CacheKeys.articlesOf('section', filter.sectionSlug));
  else if (filter.seriesSlug) lists.push(CacheKeys.articlesOf('series', filter.seriesSlug));
  else if (!filter.search) lists.push(CacheKeys.allArticles);
  return lists;
}
