// Bulk loading. Each batch is one INSERT ... SELECT FROM json_to_recordset($1): one round trip per
// thousand rows, with JSON.stringify doing the escaping natively (pg-copy-streams is not installed,
// and COPY could not compute the search vector in the database anyway).
//
// The triggers are the expensive part. With them on, every article_tags row re-runs to_tsvector over
// its article's whole body (articles_search_vector is recomputed per tag link), so a five-tag article
// is parsed six times and leaves five dead row versions. Under session_replication_role = replica
// ordinary triggers do not fire, so the loader fills every trigger-maintained column itself:
//   - article_tags/article_authors.published_at: the article's published_at, written into the rows;
//   - articles.search_vector: the migration's own articles_search_vector(), called once per article
//     after its tag links exist, so the weights and expression cannot drift from the trigger's.
// Replica mode also skips foreign-key checks (they are triggers too), so verify() checks them after.
import pg from 'pg';
import type { ArticleRow, GeneratedArticle, ImageUsageRow, LinkRow, ReferenceData } from './dataset.js';

export type TriggerMode = 'replica' | 'triggers';

// Every user trigger on the tables we write, and why skipping it is safe: see the comment above.
// Any other trigger found means the migrations changed, so the loader falls back to firing them.
const REPRODUCED_TRIGGERS = new Set([
  'articles.articles_search_vector_refresh',
  'articles.articles_propagate_published_at',
  'article_tags.article_tags_search_vector_refresh',
  'article_tags.article_tags_copy_published_at',
  'article_authors.article_authors_copy_published_at',
  'tags.tags_search_vector_refresh',
  // images.search_text: the loader writes the trigger's expression (IMAGE_SEARCH_TEXT) itself.
  'images.images_search_text_refresh',
  // An UPDATE OF body_html trigger (it clears stale feed forms); the loader only inserts, with
  // body_xml and body_digest derived beside body_html.
  'articles.articles_feed_body_clear_stale',
]);

// The body of images_search_text_refresh() (migration 20261201084900_media_renditions_usage_search).
const IMAGE_SEARCH_TEXT = "lower(concat_ws(' ', r.caption, r.credit, r.alt_text, NULL::text))";

const LOADED_TABLES = [
  'images',
  'authors',
  'tags',
  'sections',
  'series',
  'articles',
  'article_tags',
  'article_authors',
  'image_usages',
];

// Content plus what would be stale or dangling without it. users (and their sessions and tokens) must
// go too: users.author_id references authors, and PostgreSQL refuses to truncate a referenced table.
const TRUNCATED_TABLES = [
  ...LOADED_TABLES,
  'article_slugs',
  'article_revisions',
  'change_events',
  'audit_entries',
  'jobs',
  'users',
  'sessions',
  'api_tokens',
];

type Column = [name: string, type: string];

const TIMESTAMPS: Column[] = [
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];
const TAXONOMY: Column[] = [['id', 'uuid'], ['slug', 'text'], ['name', 'text'], ['description', 'text'], ...TIMESTAMPS];
const LINK = (other: string): Column[] => [
  ['article_id', 'uuid'],
  [other, 'uuid'],
  ['position', 'int'],
  ['published_at', 'timestamptz'],
  ...TIMESTAMPS,
];

const COLUMNS: Record<string, Column[]> = {
  images: [
    ['id', 'uuid'],
    ['url', 'text'],
    ['width', 'int'],
    ['height', 'int'],
    ['alt_text', 'text'],
    ['caption', 'text'],
    ['credit', 'text'],
    ...TIMESTAMPS,
  ],
  authors: [
    ['id', 'uuid'],
    ['slug', 'text'],
    ['name', 'text'],
    ['title', 'text'],
    ['bio', 'text'],
    ['avatar_id', 'uuid'],
    ['social_links', 'jsonb'],
    ...TIMESTAMPS,
  ],
  tags: TAXONOMY,
  sections: [...TAXONOMY, ['position', 'int']],
  series: TAXONOMY,
  articles: [
    ['id', 'uuid'],
    ['slug', 'text'],
    ['headline', 'text'],
    ['dek', 'text'],
    ['body', 'jsonb'],
    ['body_text', 'text'],
    ['teaser', 'text'],
    ['type', 'article_type'],
    ['status', 'article_status'],
    ['section_id', 'uuid'],
    ['series_id', 'uuid'],
    ['featured_image_id', 'uuid'],
    ['published_at', 'timestamptz'],
    ['word_count', 'int'],
    ['reading_time_minutes', 'int'],
    ['display_teaser', 'text'],
    ['display_label', 'text'],
    ['body_html', 'text'],
    ['body_xml', 'text'],
    ['body_digest', 'text'],
    ['derived_version', 'int'],
    ['seo_title', 'text'],
    ['seo_description', 'text'],
    ['version', 'int'],
    ['public_updated_at', 'timestamptz'],
    ...TIMESTAMPS,
  ],
  article_tags: LINK('tag_id'),
  article_authors: LINK('author_id'),
  image_usages: [['image_id', 'uuid'], ['article_id', 'uuid'], ['used_as', 'text'], ['source', 'text'], ...TIMESTAMPS],
};

export interface LoaderConnection {
  client: pg.Client;
  mode: TriggerMode;
  /** Why the triggers stay on, when they do. */
  reason?: string;
}

/** A session set up for loading: triggers off where that is safe, no waiting for WAL flushes. */
export async function connect(url: string): Promise<LoaderConnection> {
  const client = new pg.Client({ connectionString: url, application_name: 'newsdesk-bench-data' });
  await client.connect();
  // A crash loses at most the last commits of a load that is rerun from scratch anyway.
  await client.query('SET synchronous_commit = off');
  const unknown = await unreproducedTriggers(client);
  if (unknown.length)
    return { client, mode: 'triggers', reason: `triggers this loader does not reproduce: ${unknown.join(', ')}` };
  try {
    await client.query('SET session_replication_role = replica');
    return { client, mode: 'replica' };
  } catch (error) {
    return { client, mode: 'triggers', reason: (error as Error).message };
  }
}

async function unreproducedTriggers(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname || '.' || t.tgname AS name
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace AND c.relname = ANY($1)
      ORDER BY 1`,
    [LOADED_TABLES],
  );
  return rows.map((row) => row.name).filter((name) => !REPRODUCED_TRIGGERS.has(name));
}

export async function truncateContent(client: pg.Client): Promise<void> {
  await client.query(`TRUNCATE ${TRUNCATED_TABLES.join(', ')} RESTART IDENTITY`);
}

async function insert(client: pg.Client, table: string, rows: readonly object[], extra?: [column: string, expression: string]) {
  const columns = COLUMNS[table];
  const names = columns.map(([name]) => name);
  const targets = extra ? [...names, extra[0]] : names;
  const values = extra ? [...names.map((name) => `r.${name}`), extra[1]] : names.map((name) => `r.${name}`);
  const record = columns.map(([name, type]) => `${name} ${type}`).join(', ');
  await client.query(
    `INSERT INTO ${table} (${targets.join(', ')}) SELECT ${values.join(', ')} FROM json_to_recordset($1::json) AS r(${record})`,
    [JSON.stringify(rows)],
  );
}

/** Images first: authors and articles point at them (checked only when triggers are on). */
export async function loadReferenceData({ client, mode }: LoaderConnection, data: ReferenceData): Promise<void> {
  await insert(client, 'images', data.images, mode === 'replica' ? ['search_text', IMAGE_SEARCH_TEXT] : undefined);
  await insert(client, 'authors', data.authors);
  await insert(client, 'tags', data.tags);
  await insert(client, 'sections', data.sections);
  await insert(client, 'series', data.series);
}

export async function loadArticles({ client, mode }: LoaderConnection, batch: readonly GeneratedArticle[]): Promise<void> {
  const articles: ArticleRow[] = batch.map((item) => item.article);
  const tagLinks: LinkRow[] = batch.flatMap((item) => item.tagLinks);
  const authorLinks: LinkRow[] = batch.flatMap((item) => item.authorLinks);
  const imageUsages: ImageUsageRow[] = batch.flatMap((item) => item.imageUsages);
  await client.query('BEGIN');
  try {
    if (mode === 'replica') {
      // Links first (no foreign-key checks in replica mode), so the vector sees the tag names.
      await insert(client, 'article_tags', tagLinks);
      await insert(client, 'article_authors', authorLinks);
      await insert(client, 'articles', articles, [
        'search_vector',
        "articles_search_vector(r.id, r.headline, r.dek, r.body_text, 'english')",
      ]);
    } else {
      await insert(client, 'articles', articles);
      await insert(client, 'article_tags', tagLinks);
      await insert(client, 'article_authors', authorLinks);
    }
    await insert(client, 'image_usages', imageUsages);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/**
 * What the skipped triggers and foreign keys would have guaranteed: every reference resolves, every
 * published_at copy matches its article, and stored vectors equal articles_search_vector() (checked
 * on the oldest and newest articles, since recomputing them all would cost as much as the load).
 */
export async function verify(client: pg.Client): Promise<void> {
  const { rows } = await client.query<Record<string, number>>(`
    SELECT
      (SELECT count(*)::int FROM article_tags x LEFT JOIN articles a ON a.id = x.article_id
        WHERE a.id IS NULL OR x.published_at IS DISTINCT FROM a.published_at
           OR NOT EXISTS (SELECT 1 FROM tags t WHERE t.id = x.tag_id)) AS "bad tag links",
      (SELECT count(*)::int FROM article_authors x LEFT JOIN articles a ON a.id = x.article_id
        WHERE a.id IS NULL OR x.published_at IS DISTINCT FROM a.published_at
           OR NOT EXISTS (SELECT 1 FROM authors au WHERE au.id = x.author_id)) AS "bad author links",
      (SELECT count(*)::int FROM articles a
        WHERE a.search_vector IS NULL
           OR NOT EXISTS (SELECT 1 FROM sections s WHERE s.id = a.section_id)
           OR (a.series_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM series s WHERE s.id = a.series_id))
           OR (a.featured_image_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM images i WHERE i.id = a.featured_image_id))
      ) AS "bad articles",
      (SELECT count(*)::int FROM authors au
        WHERE au.avatar_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM images i WHERE i.id = au.avatar_id)) AS "bad authors",
      (SELECT count(*)::int FROM image_usages u
        WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = u.article_id)
           OR NOT EXISTS (SELECT 1 FROM images i WHERE i.id = u.image_id)) AS "bad image usages",
      (SELECT count(*)::int FROM images i
        WHERE i.search_text IS DISTINCT FROM lower(concat_ws(' ', i.caption, i.credit, i.alt_text, i.original_filename))
      ) AS "stale image search texts",
      (SELECT count(*)::int FROM articles a WHERE a.body_html IS NULL) AS "underived articles",
      (SELECT count(*)::int FROM (
         (SELECT * FROM articles ORDER BY id LIMIT 250) UNION ALL (SELECT * FROM articles ORDER BY id DESC LIMIT 250)
       ) a WHERE a.search_vector IS DISTINCT FROM articles_search_vector(a.id, a.headline, a.dek, a.body_text, a.search_config)
      ) AS "stale search vectors"`);
  const problems = Object.entries(rows[0]).filter(([, count]) => count > 0);
  if (problems.length) throw new Error(`Loaded data is inconsistent: ${problems.map(([what, n]) => `${n} ${what}`).join(', ')}`);
}

// VACUUM as well as ANALYZE: it sets the visibility map (index-only scans) and hint bits and merges
// the GIN pending list, work autovacuum would otherwise do in the middle of the first benchmark run.
export async function vacuumAnalyze(client: pg.Client): Promise<void> {
  await client.query(`VACUUM (ANALYZE) ${LOADED_TABLES.join(', ')}`);
}

export async function tableCounts(client: pg.Client): Promise<Record<string, number>> {
  const counts = LOADED_TABLES.map((table) => `(SELECT count(*)::int FROM ${table}) AS ${table}`);
  const { rows } = await client.query<Record<string, number>>(`SELECT ${counts.join(', ')}`);
  return rows[0];
}

export async function databaseSize(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ size: string }>('SELECT pg_size_pretty(pg_database_size(current_database())) AS size');
  return rows[0].size;
}
