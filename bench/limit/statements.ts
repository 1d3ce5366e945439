import { LATEST_ARTICLES_COUNT } from '../scenarios/queries.js';

// The floor of the machine: for each read scenario, ONE prepared statement that builds the whole
// GraphQL response body in PostgreSQL (json_build_object / json_agg / lateral subqueries), as the
// servers that compile a query to one SQL statement do (Hasura, PostGraphile). Node only routes the
// request, passes the variables and writes the text PostgreSQL returns.
//
// Every value comes from a stored column: the app derives teaser (display_teaser), body_html, word
// counts and label at write time (prisma/schema.prisma, src/articles/article.projection.ts), so no
// statement computes them. What the app computes in JS after its statement (Relay ids, cursors, image
// URLs) is computed here in SQL instead.

/** A named statement: node-postgres prepares it once per connection, then only binds and executes. */
export interface Statement {
  name: string;
  text: string;
}

// Relay id, as common/global-id.ts toGlobalId writes it: base64url of "<Type>:<uuid>", no padding. The
// text is ASCII and under 57 bytes, so base64 writes one line; rtrim and replace cost PostgreSQL a
// fifth of translate() per id (the app's src/database/projection/shaped-json.ts writes it the same way).
const relayId = (type: string, id: string) =>
  `replace(replace(rtrim(encode(('${type}:' || ${id}::text)::bytea, 'base64'), '='), '+', '-'), '/', '_')`;

// A cursor, as common/pagination/keyset.ts encodes it: base64url of JSON.stringify(sort keys). Written
// out by hand because json_build_array puts a space after each comma and JSON.stringify does not.
const cursor = (keysJson: string) => `translate(encode(convert_to(${keysJson}, 'UTF8'), 'base64'), E'+/=\\n', '-_')`;
const dateCursor = (publishedAt: string, id: string) =>
  cursor(`'["' || newsdesk_iso_time(${publishedAt}) || '","' || ${id}::text || '"]'`);
// A real prints the same shortest digits in PostgreSQL as the app's JSON.parse/JSON.stringify round trip.
const rankCursor = (rank: string, publishedAt: string, id: string) =>
  cursor(`'[' || ${rank}::text || ',"' || newsdesk_iso_time(${publishedAt}) || '","' || ${id}::text || '"]'`);

// src/articles/article-visibility.ts
const published = (a: string) => `${a}.status = 'PUBLISHED' AND ${a}.deleted_at IS NULL AND ${a}.published_at IS NOT NULL`;

const named = (type: string, alias: string) =>
  `json_build_object('id', ${relayId(type, `${alias}.id`)}, 'name', ${alias}.name, 'slug', ${alias}.slug)`;

// Bylines and tags in position order, visible (not trashed) rows only.
const linked = (type: 'Author' | 'Tag', a: string) => {
  const [link, table, key] = type === 'Author' ? ['article_authors', 'authors', 'author_id'] : ['article_tags', 'tags', 'tag_id'];
  return `(SELECT coalesce(json_agg(${named(type, 'x')} ORDER BY l.position), '[]'::json)
      FROM ${link} l JOIN ${table} x ON x.id = l.${key} AND x.deleted_at IS NULL WHERE l.article_id = ${a}.id)`;
};

const section = (a: string) =>
  `(SELECT ${named('Section', 's')} FROM sections s WHERE s.id = ${a}.section_id AND s.deleted_at IS NULL)`;

// Image.url of a linked image (no stored file) is its own URL (media/renditions/media-urls.ts
// original()); the bench data set has only such images. Uploaded files would need the rendition URL,
// which this floor does not build: verify.ts would show the difference.
const image = (a: string, fields: string) =>
  `(SELECT json_build_object(${fields}) FROM images i WHERE i.id = ${a}.featured_image_id AND i.deleted_at IS NULL)`;

/** The card of scenarios A, C and D (bench/scenarios/queries.ts ARTICLE_CARD), field for field. */
const card = (a: string) => `json_build_object(
    'id', ${relayId('Article', `${a}.id`)}, 'headline', ${a}.headline, 'slug', ${a}.slug, 'dek', ${a}.dek,
    'teaser', ${a}.display_teaser, 'publishedAt', newsdesk_iso_time(${a}.published_at),
    'authors', ${linked('Author', a)}, 'tags', ${linked('Tag', a)}, 'section', ${section(a)},
    'featuredImage', ${image(a, `'caption', i.caption, 'credit', i.credit`)})`;

/** One page of a connection from `keys` (id, pub, rank, n: 1..limit + 1 in page order). */
const connection = (field: string, keys: string, cursorOf: (k: string) => string, pageSize: number) => `
  SELECT json_build_object('data', json_build_object('${field}', json_build_object(
    'edges', coalesce(json_agg(json_build_object('cursor', ${cursorOf('k')}, 'node', ${card('a')}) ORDER BY k.n)
                      FILTER (WHERE k.n <= ${pageSize}), '[]'::json),
    'pageInfo', json_build_object(
      'hasNextPage', count(*) > ${pageSize},
      'endCursor', (array_agg(${cursorOf('k')} ORDER BY k.n DESC) FILTER (WHERE k.n <= ${pageSize}))[1]))))::text || E'\\n' AS body
  FROM (${keys}) k JOIN articles a ON a.id = k.id`;

const PAGE_SIZE = 20;

// Every LIMIT is a literal: with `LIMIT $1`, PostgreSQL costs the generic plan for 10% of the rows,
// never picks it and plans the statement again at each execution (src/database/prepared-statements.ts).

/** A: latestArticles(first: LATEST_ARTICLES_COUNT). */
export const LATEST: Statement = {
  name: 'limit-a-latest',
  text: `
  SELECT json_build_object('data', json_build_object('latestArticles', coalesce(
    (SELECT json_agg(${card('a')} ORDER BY k.published_at DESC, k.id DESC)
     FROM (SELECT a.id, a.published_at FROM articles a WHERE ${published('a')}
           ORDER BY a.published_at DESC, a.id DESC LIMIT ${LATEST_ARTICLES_COUNT}) k JOIN articles a ON a.id = k.id),
    '[]'::json)))::text || E'\\n' AS body`,
};

// article.repository.ts findRelatedPublished: shared tags first (the 200 newest of each tag), then the
// same section, newest first within each.
const RELATED_PER_TAG = 200;
const RELATED_COUNT = 10;

/** B: article(slug: $1), by current or former slug, with body HTML and relatedArticles. */
export const ARTICLE_PAGE: Statement = {
  name: 'limit-b-article',
  text: `
  WITH me AS (
    SELECT a.id, a.section_id FROM articles a
    WHERE a.id = ANY(ARRAY(SELECT id FROM articles WHERE slug = $1 UNION ALL SELECT article_id FROM article_slugs WHERE slug = $1))
      AND ${published('a')}
    ORDER BY (a.slug = $1) DESC LIMIT 1
  ), shared AS (
    SELECT recent.article_id AS id, count(*) AS shared_tags
    FROM me JOIN article_tags mine ON mine.article_id = me.id
    CROSS JOIN LATERAL (
      SELECT other.article_id FROM article_tags other
      WHERE other.tag_id = mine.tag_id AND other.article_id <> mine.article_id AND other.published_at IS NOT NULL
      ORDER BY other.published_at DESC, other.article_id DESC LIMIT ${RELATED_PER_TAG}
    ) recent
    GROUP BY recent.article_id
  ), same_section AS (
    SELECT a.id, 0::bigint AS shared_tags FROM me JOIN articles a ON a.section_id = me.section_id
    WHERE ${published('a')} AND a.id <> me.id
    ORDER BY a.status, a.published_at DESC, a.id DESC LIMIT ${RELATED_COUNT}
  ), ranked AS (
    SELECT a.id, row_number() OVER (ORDER BY c.shared_tags DESC, (a.section_id IS NOT DISTINCT FROM me.section_id) DESC,
      a.published_at DESC, a.id DESC) AS ord
    FROM (SELECT id, max(shared_tags) AS shared_tags FROM (SELECT * FROM shared UNION ALL SELECT * FROM same_section) u GROUP BY id) c
    JOIN articles a ON a.id = c.id CROSS JOIN me
    WHERE ${published('a')} AND a.id <> me.id
    ORDER BY ord LIMIT ${RELATED_COUNT}
  )
  SELECT json_build_object('data', json_build_object('article', (
    SELECT json_build_object(
      'id', ${relayId('Article', 'a.id')}, 'headline', a.headline, 'slug', a.slug, 'dek', a.dek,
      'bodyHtml', coalesce(a.body_html, ''), 'publishedAt', newsdesk_iso_time(a.published_at),
      'updatedAt', newsdesk_iso_time(a.public_updated_at),
      'authors', ${linked('Author', 'a')}, 'tags', ${linked('Tag', 'a')}, 'section', ${section('a')},
      'featuredImage', ${image('a', `'url', i.url, 'caption', i.caption, 'credit', i.credit`)},
      'relatedArticles', (SELECT coalesce(json_agg(json_build_object('id', ${relayId('Article', 'r.id')}, 'headline', r.headline,
          'slug', r.slug, 'publishedAt', newsdesk_iso_time(r.published_at)) ORDER BY ranked.ord), '[]'::json)
        FROM ranked JOIN articles r ON r.id = ranked.id))
    FROM me JOIN articles a ON a.id = me.id)))::text || E'\\n' AS body`,
};

/** C: articles(filter: { tag: $1 }, first: 20, after: [$2 publishedAt, $3 id]), by the published_at copy on article_tags. */
export const TAG_PAGE: Statement = {
  name: 'limit-c-tag-page',
  text: connection(
    'articles',
    `SELECT t.article_id AS id, t.published_at AS pub, row_number() OVER (ORDER BY t.published_at DESC, t.article_id DESC) AS n
     FROM articles a JOIN article_tags t ON t.article_id = a.id
       AND t.tag_id = (SELECT id FROM tags WHERE slug = $1 AND deleted_at IS NULL)
     WHERE ${published('a')} AND (t.published_at, t.article_id) < ($2::timestamptz, $3::uuid)
     ORDER BY t.published_at DESC, t.article_id DESC LIMIT ${PAGE_SIZE + 1}`,
    (k) => dateCursor(`${k}.pub`, `${k}.id`),
    PAGE_SIZE,
  ),
};

// article-list.query.ts: relevance ranks the newest RELEVANCE_WINDOW matches.
const RELEVANCE_WINDOW = 1000;

/** D: articles(filter: { search: $1 }, first: 20), ranked by relevance. */
export const SEARCH: Statement = {
  name: 'limit-d-search',
  text: connection(
    'articles',
    `SELECT c.id, c.pub, c.rank, row_number() OVER (ORDER BY c.rank DESC, c.pub DESC, c.id DESC) AS n
     FROM (SELECT w.id, w.pub, ts_rank(w.search_vector, w.query) AS rank
           FROM (SELECT a.id, a.published_at AS pub, a.search_vector, q.query
                 FROM articles a CROSS JOIN websearch_to_tsquery('english', $1) AS q(query)
                 WHERE ${published('a')} AND a.search_vector @@ q.query
                 ORDER BY a.published_at DESC, a.id DESC LIMIT ${RELEVANCE_WINDOW}) w) c
     ORDER BY c.rank DESC, c.pub DESC, c.id DESC LIMIT ${PAGE_SIZE + 1}`,
    (k) => rankCursor(`${k}.rank`, `${k}.pub`, `${k}.id`),
    PAGE_SIZE,
  ),
};

/** Sorts before every article in a newest-first read: the keyset of a first page (no `after`). */
export const BEFORE_ALL = ['infinity', 'ffffffff-ffff-ffff-ffff-ffffffffffff'] as const;
