import { literalLimit } from '../database/prepared-statements.js';
import { Prisma } from '../generated/prisma/client.js';
import { publishedSql } from './article-visibility.js';

/** How many of each tag's newest articles are candidates for an article's related list. */
const RELATED_PER_TAG = 200;

const PUBLISHED = publishedSql('a');

/**
 * The related rail of the article whose id `article` gives (a parameter, or an outer query's column):
 * the ids of articles sharing the most tags first, then same-section ones, newest first within each,
 * with their rank `ord`, at most `limit`. Candidates are the RELATED_PER_TAG newest articles of each
 * of its tags and the newest of its section, so the cost stays flat however many articles a popular
 * tag has. findRelatedPublished and the article page's shaped read both read this.
 */
export function relatedRailSql(article: Prisma.Sql, limit: number): Prisma.Sql {
  return Prisma.sql`
      WITH me AS (
        SELECT section_id FROM articles WHERE id = ${article}
      ), shared AS (
        SELECT recent.article_id AS id, count(*) AS shared_tags
        FROM article_tags mine
        CROSS JOIN LATERAL (
          SELECT other.article_id FROM article_tags other
          WHERE other.tag_id = mine.tag_id AND other.article_id <> mine.article_id AND other.published_at IS NOT NULL
          ORDER BY other.published_at DESC, other.article_id DESC
          ${literalLimit(RELATED_PER_TAG)}
        ) recent
        WHERE mine.article_id = ${article}
        GROUP BY recent.article_id
      ), same_section AS (
        SELECT a.id, 0::bigint AS shared_tags FROM articles a
        WHERE a.section_id = (SELECT section_id FROM me) AND ${PUBLISHED} AND a.id <> ${article}
        ORDER BY a.status, a.published_at DESC, a.id DESC
        ${literalLimit(limit)}
      ), candidates AS (
        SELECT id, max(shared_tags) AS shared_tags FROM (SELECT * FROM shared UNION ALL SELECT * FROM same_section) c GROUP BY id
      ), ranked AS (
        SELECT a.id, row_number() OVER (ORDER BY c.shared_tags DESC,
          (a.section_id IS NOT DISTINCT FROM (SELECT section_id FROM me)) DESC, a.published_at DESC, a.id DESC) AS ord
        FROM candidates c JOIN articles a ON a.id = c.id
        WHERE ${PUBLISHED} AND a.id <> ${article}
        ORDER BY ord ${literalLimit(limit)}
      )
      SELECT id, ord FROM ranked`;
}
