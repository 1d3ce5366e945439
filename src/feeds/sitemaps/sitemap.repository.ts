import { Injectable } from '@nestjs/common';
import { publishedSql } from '../../articles/article-visibility.js';
import type { ResponseKeys } from '../../common/response-keys.js';
import { ReadRouter } from '../../database/replicas/read-router.js';
import { Prisma } from '../../generated/prisma/client.js';

export interface SitemapPageInfo {
  /** Zero-based. */
  page: number;
  lastModified: Date;
}

export interface SitemapArticle {
  id: string;
  slug: string;
  sectionSlug: string | null;
  headline: string;
  /** The article's own BCP 47 tag; null means the publication's. */
  language: string | null;
  publishedAt: Date;
  updatedAt: Date;
}

const PUBLISHED = publishedSql('a');

// Published articles for sitemaps, through the one PUBLISHED rule. Pages run oldest first, so an old
// page keeps its URLs and lastmod while new articles fill the last one, and crawlers re-read little.
@Injectable()
export class SitemapRepository {
  constructor(private readonly router: ReadRouter) {}

  /** Every page with its newest update; one pass over the published keys. */
  pages(pageSize: number, keys: ResponseKeys): Promise<SitemapPageInfo[]> {
    return this.router.read(
      keys,
      (db) => db.$queryRaw<SitemapPageInfo[]>`
      SELECT page, max(public_updated_at) AS "lastModified" FROM (
        SELECT ((row_number() OVER (ORDER BY a.published_at, a.id) - 1) / ${pageSize})::int AS page, a.public_updated_at
        FROM articles a WHERE ${PUBLISHED}
      ) numbered GROUP BY page ORDER BY page`,
    );
  }

  // The page's first key comes from the ordered keys alone; its rows are then one keyset range
  // read (articles_latest_idx), never an OFFSET over joined rows.
  page(page: number, pageSize: number, keys: ResponseKeys): Promise<SitemapArticle[]> {
    return this.router.read(
      keys,
      (db) => db.$queryRaw<SitemapArticle[]>`
      WITH start AS (
        SELECT published_at, id FROM (
          SELECT a.published_at, a.id, row_number() OVER (ORDER BY a.published_at, a.id) - 1 AS position
          FROM articles a WHERE ${PUBLISHED}
        ) keys WHERE position = ${page * pageSize}
      )
      SELECT ${SELECTED} FROM articles a
      CROSS JOIN start
      LEFT JOIN sections s ON s.id = a.section_id AND s.deleted_at IS NULL
      WHERE ${PUBLISHED} AND (a.published_at, a.id) >= (start.published_at, start.id)
      ORDER BY a.published_at, a.id LIMIT ${pageSize}`,
    );
  }

  /** For the Google News sitemap: published since `since`, newest first. */
  publishedSince(since: Date, limit: number, keys: ResponseKeys): Promise<SitemapArticle[]> {
    return this.router.read(
      keys,
      (db) => db.$queryRaw<SitemapArticle[]>`
      SELECT ${SELECTED} FROM articles a
      LEFT JOIN sections s ON s.id = a.section_id AND s.deleted_at IS NULL
      WHERE ${PUBLISHED} AND a.published_at >= ${since}
      ORDER BY a.published_at DESC, a.id DESC LIMIT ${limit}`,
    );
  }
}

const SELECTED = Prisma.sql`a.id, a.slug, s.slug AS "sectionSlug", a.headline, a.language,
  a.published_at AS "publishedAt", a.public_updated_at AS "updatedAt"`;
