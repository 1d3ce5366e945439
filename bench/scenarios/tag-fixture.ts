import type pg from 'pg';
import { PUBLISHED_SQL } from './scenario.js';

export interface BusiestTag {
  slug: string;
  articles: number;
}

// C, E and E304 share one answer: counting is a scan of article_tags, seconds on a large data set.
const found = new WeakMap<pg.Pool, Promise<BusiestTag>>();

/** The tag with the most published articles (C pages through it, E serves its feed). */
export function busiestTag(db: pg.Pool): Promise<BusiestTag> {
  let tag = found.get(db);
  if (!tag) found.set(db, (tag = findBusiestTag(db)));
  return tag;
}

async function findBusiestTag(db: pg.Pool): Promise<BusiestTag> {
  const { rows } = await db.query<BusiestTag>(
    `SELECT t.slug, count(*)::int AS articles
     FROM tags t JOIN article_tags at ON at.tag_id = t.id JOIN articles a ON a.id = at.article_id
     WHERE t.deleted_at IS NULL AND ${PUBLISHED_SQL}
     GROUP BY t.id, t.slug ORDER BY count(*) DESC, t.slug LIMIT 1`,
  );
  if (!rows[0]) throw new Error('the database has no tagged published articles');
  return rows[0];
}
