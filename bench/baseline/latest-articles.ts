import type pg from 'pg';
import type { ArticleBody } from '../../src/articles/body/article-body.schema.js';
import { deriveTeaser } from '../../src/articles/body/article-body.text.js';
import { toGlobalId } from '../../src/common/global-id.js';

// Scenario A without a framework: the statements the app sends for latestArticles(first: 20) (copied
// from its trace log: one keyset read, one row read, then the loaders' batches), in the same order
// and concurrency, with the same parameters. Only Prisma's rowMode 'array' and its stitching differ.

/** Runs one statement and counts it, as the app's newsdesk_sql_statements_total does. */
export type Query = <Row extends pg.QueryResultRow>(text: string, values: unknown[]) => Promise<Row[]>;

interface ArticleRow {
  id: string;
  slug: string;
  headline: string;
  dek: string | null;
  body: ArticleBody;
  teaser: string | null;
  section_id: string | null;
  featured_image_id: string | null;
  published_at: Date;
}

interface NamedRow {
  id: string;
  slug: string;
  name: string;
}

interface ImageRow {
  id: string;
  caption: string | null;
  credit: string | null;
}

// Prisma names every column "schema"."table"."column" and reads all scalar columns of a model.
function columns(table: string, names: readonly string[]): string {
  return names.map((name) => `"public"."${table}"."${name}"${name === 'type' || name === 'status' ? '::text' : ''}`).join(', ');
}

function placeholders(count: number, from = 1): string {
  return Array.from({ length: count }, (_, index) => `$${from + index}`).join(',');
}

const ARTICLE_COLUMNS = columns('articles', [
  'id',
  'slug',
  'headline',
  'dek',
  'body',
  'teaser',
  'type',
  'status',
  'section_id',
  'series_id',
  'featured_image_id',
  'published_at',
  'word_count',
  'reading_time_minutes',
  'seo_title',
  'seo_description',
  'canonical_url',
  'version',
  'scheduled_at',
  'created_by_id',
  'created_at',
  'updated_at',
  'deleted_at',
]);
const AUTHOR_COLUMNS = columns('authors', [
  'id',
  'slug',
  'name',
  'title',
  'bio',
  'avatar_id',
  'social_links',
  'created_at',
  'updated_at',
  'deleted_at',
]);
const TAG_COLUMNS = columns('tags', ['id', 'slug', 'name', 'description', 'created_at', 'updated_at', 'deleted_at']);
const SECTION_COLUMNS = columns('sections', [
  'id',
  'slug',
  'name',
  'description',
  'position',
  'created_at',
  'updated_at',
  'deleted_at',
]);
const IMAGE_COLUMNS = columns('images', [
  'id',
  'url',
  'width',
  'height',
  'alt_text',
  'caption',
  'credit',
  'created_at',
  'updated_at',
  'deleted_at',
  'storage_key',
  'content_type',
  'byte_size',
  'created_by_id',
]);

// ArticleListQuery.page() for NEWEST without filter or cursor.
const LATEST_KEYS_SQL = `
      SELECT a.id AS id, a.published_at AS "publishedAt", NULL::real AS rank
      FROM articles a WHERE a.status = 'PUBLISHED' AND a.deleted_at IS NULL AND a.published_at IS NOT NULL 
      ORDER BY a.published_at DESC, a.id DESC LIMIT $1`;

function articlesByIdsSql(count: number): string {
  return (
    `SELECT ${ARTICLE_COLUMNS} FROM "public"."articles" WHERE ("public"."articles"."id" IN (${placeholders(count)}) ` +
    `AND "public"."articles"."status" = CAST($${count + 1}::text AS "public"."article_status") ` +
    `AND "public"."articles"."deleted_at" IS NULL AND "public"."articles"."published_at" IS NOT NULL) OFFSET $${count + 2}`
  );
}

// findVisibleByArticleIds: Prisma reads the visible links first, then the related rows by id.
function linksSql(link: 'article_authors' | 'article_tags', target: 'authors' | 'tags', count: number): string {
  const key = target === 'authors' ? 'author_id' : 'tag_id';
  return (
    `SELECT "public"."${link}"."article_id", "public"."${link}"."${key}" FROM "public"."${link}" ` +
    `LEFT JOIN "public"."${target}" AS "j0" ON ("j0"."id") = ("public"."${link}"."${key}") ` +
    `WHERE ("public"."${link}"."article_id" IN (${placeholders(count)}) AND ("j0"."deleted_at" IS NULL AND ("j0"."id" IS NOT NULL))) ` +
    `ORDER BY "public"."${link}"."position" ASC OFFSET $${count + 1}`
  );
}

function byIdsSql(table: string, columnList: string, count: number, visibleOnly: boolean): string {
  const inList = `"public"."${table}"."id" IN (${placeholders(count)})`;
  const where = visibleOnly ? `(${inList} AND "public"."${table}"."deleted_at" IS NULL)` : inList;
  return `SELECT ${columnList} FROM "public"."${table}" WHERE ${where} OFFSET $${count + 1}`;
}

/** Bylines or tags of each article: the links in position order, each with its row. */
async function linkedRows(
  query: Query,
  link: 'article_authors' | 'article_tags',
  target: 'authors' | 'tags',
  articleIds: string[],
): Promise<Map<string, NamedRow[]>> {
  const key = target === 'authors' ? 'author_id' : 'tag_id';
  const links = await query<Record<string, string>>(linksSql(link, target, articleIds.length), [...articleIds, 0]);
  const byArticle = new Map<string, NamedRow[]>();
  if (!links.length) return byArticle;
  // Like Prisma, one id per link (duplicates included) for the related rows.
  const targetIds = links.map((row) => row[key]);
  const columnList = target === 'authors' ? AUTHOR_COLUMNS : TAG_COLUMNS;
  const rows = await query<NamedRow>(byIdsSql(target, columnList, targetIds.length, false), [...targetIds, 0]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const linkRow of links) {
    const row = byId.get(linkRow[key]);
    if (!row) continue;
    const group = byArticle.get(linkRow.article_id);
    if (group) group.push(row);
    else byArticle.set(linkRow.article_id, [row]);
  }
  return byArticle;
}

async function rowsById<Row extends { id: string }>(query: Query, table: string, columnList: string, ids: string[]) {
  if (!ids.length) return new Map<string, Row>();
  const rows = await query<Row>(byIdsSql(table, columnList, ids.length, true), [...ids, 0]);
  return new Map(rows.map((row) => [row.id, row]));
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))];
}

function named(type: 'Author' | 'Tag' | 'Section', row: NamedRow) {
  return { id: toGlobalId(type, row.id), name: row.name, slug: row.slug };
}

/** The GraphQL response body of scenario A, byte for byte as Apollo writes it. */
export async function latestArticlesResponse(query: Query, count: number): Promise<string> {
  // One key more than asked: the app reads it to know whether there is a next page.
  const keys = await query<{ id: string }>(LATEST_KEYS_SQL, [count + 1]);
  const keyIds = keys.map((key) => key.id);
  const rows = keyIds.length ? await query<ArticleRow>(articlesByIdsSql(keyIds.length), [...keyIds, 'PUBLISHED', 0]) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const articles = keyIds.flatMap((id) => byId.get(id) ?? []).slice(0, count);

  if (!articles.length) return `${JSON.stringify({ data: { latestArticles: [] } })}\n`;

  const articleIds = articles.map((article) => article.id);
  // The loaders of the selected fields dispatch together, in field order: authors, tags, section, image.
  const [authors, tags, sections, images] = await Promise.all([
    linkedRows(query, 'article_authors', 'authors', articleIds),
    linkedRows(query, 'article_tags', 'tags', articleIds),
    rowsById<NamedRow>(query, 'sections', SECTION_COLUMNS, unique(articles.map((article) => article.section_id))),
    rowsById<ImageRow>(query, 'images', IMAGE_COLUMNS, unique(articles.map((article) => article.featured_image_id))),
  ]);

  const latestArticles = articles.map((article) => {
    const section = article.section_id ? sections.get(article.section_id) : undefined;
    const image = article.featured_image_id ? images.get(article.featured_image_id) : undefined;
    return {
      id: toGlobalId('Article', article.id),
      headline: article.headline,
      slug: article.slug,
      dek: article.dek,
      teaser: article.teaser || deriveTeaser(article.body),
      publishedAt: article.published_at.toISOString(),
      authors: (authors.get(article.id) ?? []).map((row) => named('Author', row)),
      tags: (tags.get(article.id) ?? []).map((row) => named('Tag', row)),
      section: section ? named('Section', section) : null,
      featuredImage: image ? { caption: image.caption, credit: image.credit } : null,
    };
  });
  return `${JSON.stringify({ data: { latestArticles } })}\n`;
}
