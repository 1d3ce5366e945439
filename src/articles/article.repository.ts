import { Inject, Injectable } from '@nestjs/common';
import { CacheKeys, type ListScope } from '../common/cache-keys.js';
import { DomainError } from '../common/domain-error.js';
import { pageInfoOf } from '../common/pagination/build-connection.js';
import type { PageRequest } from '../common/pagination/page-request.js';
import type { ResponseKeys } from '../common/response-keys.js';
import type { Tx } from '../database/tx.js';
import { ProjectionReader } from '../database/projection/projection-reader.js';
import {
  finishRow,
  finishRows,
  jsonObject,
  type EntityProjection,
  type ProjectedRow,
} from '../database/projection/projection.js';
import type { Selection } from '../database/projection/selection.js';
import { canShape, shapedRow, shapedRowWith, type Shape, type ShapedField } from '../database/projection/shaped-json.js';
import { connectionText, edgeSql, type ConnectionShape } from '../database/projection/shaped-connection.js';
import { Prisma } from '../generated/prisma/client.js';
import {
  allowlistConditions,
  ArticleListQuery,
  type ArticleListFilter,
  type ArticleOrder,
  type ArticleSortKeys,
} from './article-list.query.js';
import { relatedRailSql } from './related-rail.query.js';
import { CONFIGS_IN_USE_SQL, type ConfigInUse } from './search/text-search-query.js';

/** The public Article projection, built from the site config (see article.projection.ts). */
export const ARTICLE_PROJECTION = Symbol('ArticleProjection');

export interface ArticlePage {
  rows: { article: ProjectedRow; cursor: string }[];
  count: () => Promise<number>;
}

// Public reads of articles: published ones only (article-visibility.ts), each page or article in one
// statement that returns exactly the selected fields as JSON (database/projection). Every read tags
// `keys` with what it shows, for the response cache and Surrogate-Key.
@Injectable()
export class ArticleRepository {
  constructor(
    private readonly reader: ProjectionReader,
    @Inject(ARTICLE_PROJECTION) private readonly projection: EntityProjection,
  ) {}

  /** By current slug, else by a slug it had before a rename: one statement either way. */
  findPublishedBySlug(slug: string, selection: Selection, keys: ResponseKeys): Promise<ProjectedRow | null> {
    return this.reader.prepared.one(this.projection, selection, bySlugSql(slug), keys, bySlugOrder(slug));
  }

  /** In the order of `ids`; with a partner's `scope`, only those in its allowlists. */
  findPublishedByIds(
    ids: readonly string[],
    selection: Selection,
    keys: ResponseKeys,
    scope: Pick<ArticleListFilter, 'sectionIds' | 'tagIds'> = {},
    db?: Tx,
  ): Promise<ProjectedRow[]> {
    const conditions = allowlistConditions(scope, 't');
    const where = conditions.length ? Prisma.join(conditions, ' AND ') : undefined;
    return this.reader.prepared.byIds(this.projection, selection, ids, keys, where, db);
  }

  /** One keyset page in one statement: the page's sort keys and each article's JSON; counting is deferred. */
  async listPublished(
    filter: ArticleListFilter,
    order: ArticleOrder,
    page: PageRequest,
    selection: Selection,
    keys: ResponseKeys,
    options: { limit?: number } = {},
  ): Promise<ArticlePage> {
    keys.add(...listKeysOf(filter));
    // A search parses the query in each language in use: read those first (articles/search).
    const configs = filter.search ? await this.reader.prepared.query<ConfigInUse>(keys, CONFIGS_IN_USE_SQL) : [];
    const query = new ArticleListQuery(filter, order, configs);
    // A keyset page is planned alike for any tag, section, author or cursor: prepared. A search is not:
    // a generic plan cannot know how selective the search terms are (database/prepared-statements.ts).
    const reader = filter.search ? this.reader : this.reader.prepared;
    const [result] = await reader.query<{ json: string | null }>(
      keys,
      Prisma.sql`
      SELECT json_agg(json_build_array(newsdesk_iso_time(k."publishedAt"), k.id, k.rank, ${jsonObject(this.projection, selection, 'a')})
        ORDER BY ${query.pageOrder(page)})::text AS json
      FROM (${query.page(page, options.limit)}) k JOIN articles a ON a.id = k.id`,
    );
    const entries = result?.json ? (JSON.parse(result.json) as [string, string, number | null, Record<string, unknown>][]) : [];
    return {
      rows: entries.map(([publishedAt, id, rank, json]) => ({
        article: finishRow(this.projection, selection, json, keys),
        cursor: query.cursorOf([publishedAt, id, rank] satisfies ArticleSortKeys),
      })),
      count: async () => (await this.reader.query<{ count: number }>(keys, query.count()))[0]?.count ?? 0,
    };
  }

  /** Whether PostgreSQL can write `shape` of an article whole (database/projection/shaped-json.ts). */
  canShape(shape: Shape): boolean {
    return canShape(this.projection, shape);
  }

  /**
   * listPublished's page without search (same keyset query, keys and prepared statement), as the JSON
   * text of the list in `shape`, keys tagged as finishRow would tag them; no cursors, for a list without paging.
   */
  async listPublishedText(
    filter: ArticleListFilter,
    order: ArticleOrder,
    page: PageRequest,
    shape: Shape,
    keys: ResponseKeys,
    options: { limit?: number } = {},
  ): Promise<string> {
    if (filter.search) throw new Error('A list without search');
    keys.add(...listKeysOf(filter));
    const query = new ArticleListQuery(filter, order);
    const pageOrder = query.pageOrder(page);
    const [result] = await this.reader.prepared.query<{ json: string | null; keys: string | null }>(
      keys,
      Prisma.sql`
      SELECT string_agg(o.json, ',' ORDER BY ${pageOrder}) AS json, string_agg(o.keys, ' ' ORDER BY ${pageOrder}) AS keys
      FROM (${query.page(page, options.limit)}) k JOIN articles a ON a.id = k.id CROSS JOIN LATERAL (${shapedRow(this.projection, shape, 'a')}) o`,
    );
    if (result?.keys) keys.add(...result.keys.split(' '));
    return `[${result?.json ?? ''}]`;
  }

  /**
   * listPublished's page as the JSON text of its connection in `shape` (buildConnection's edges and
   * pageInfo), for a date order and a forward page: the same keyset query, and the keys of every row
   * read, the extra one that tells whether a next page follows included, as finishRow tags them. Null
   * when the page's cursor is not one of this list's (the resolver then gives its BAD_USER_INPUT).
   */
  listPublishedConnectionText(
    filter: ArticleListFilter,
    order: Exclude<ArticleOrder, 'RELEVANCE'>,
    page: PageRequest,
    shape: ConnectionShape,
    keys: ResponseKeys,
  ): Promise<string> | null {
    if (filter.search || page.direction !== 'forward') throw new Error('A forward page of a date order, without search');
    const query = new ArticleListQuery(filter, order);
    let pageSql: Prisma.Sql;
    try {
      pageSql = query.page(page);
    } catch (error) {
      if (error instanceof DomainError) return null;
      throw error;
    }
    return this.readConnectionText(query, page, pageSql, filter, shape, keys);
  }

  private async readConnectionText(
    query: ArticleListQuery,
    page: PageRequest,
    pageSql: Prisma.Sql,
    filter: ArticleListFilter,
    shape: ConnectionShape,
    keys: ResponseKeys,
  ): Promise<string> {
    keys.add(...listKeysOf(filter));
    const edge = edgeSql(shape.edge, Prisma.sql`k.cursor`, Prisma.sql`o.json`);
    const inPage = Prisma.sql`k.n <= ${page.limit}`;
    const [result] = await this.reader.prepared.query<{
      json: string | null;
      keys: string | null;
      more: boolean | null;
      start_cursor: string | null;
      end_cursor: string | null;
    }>(
      keys,
      Prisma.sql`
      SELECT string_agg(${edge}, ',' ORDER BY k.n) FILTER (WHERE ${inPage}) AS json,
        string_agg(o.keys, ' ' ORDER BY k.n) AS keys, bool_or(k.n > ${page.limit}) AS more,
        min(k.cursor) FILTER (WHERE k.n = 1 AND ${inPage}) AS start_cursor,
        min(k.cursor) FILTER (WHERE k.n = least(k.total, ${page.limit})) AS end_cursor
      FROM (SELECT k.id, ${query.cursorSql()} AS cursor, row_number() OVER (ORDER BY ${query.pageOrder(page)}) AS n,
        count(*) OVER () AS total FROM (${pageSql}) k) k
      JOIN articles a ON a.id = k.id CROSS JOIN LATERAL (${shapedRow(this.projection, shape.node, 'a')}) o`,
    );
    if (result?.keys) keys.add(...result.keys.split(' '));
    return connectionText(
      shape,
      result?.json ?? '',
      pageInfoOf(page, result?.more ?? false, result?.start_cursor ?? null, result?.end_cursor ?? null),
    );
  }

  /**
   * Articles sharing the most tags first, then same-section ones, newest first within each (relatedRailSql).
   */
  async findRelatedPublished(id: string, limit: number, selection: Selection, keys: ResponseKeys): Promise<ProjectedRow[]> {
    keys.add(CacheKeys.relatedArticles);
    const [result] = await this.reader.prepared.query<{ json: string | null }>(
      keys,
      Prisma.sql`
      SELECT json_agg(${jsonObject(this.projection, selection, 'a')} ORDER BY r.ord)::text AS json
      FROM (${relatedRailSql(Prisma.sql`${id}::uuid`, limit)}) r JOIN articles a ON a.id = r.id`,
    );
    return finishRows(this.projection, selection, result?.json, keys);
  }

  /**
   * findPublishedBySlug as the JSON text GraphQL sends for the article in `shape` ('null' when there is
   * none), keys tagged as finishRow and `one` tag them; with `related`, that entry of the shape is the
   * article's related rail, findRelatedPublished's, read in the same statement and tagged after the
   * article as its resolver tags it. Call canShape on the shape without `related.entry` first.
   */
  findPublishedBySlugText(
    slug: string,
    shape: Shape,
    related: { entry: ShapedField; first: number } | null,
    keys: ResponseKeys,
  ): Promise<string> {
    return this.reader.prepared.oneText(
      this.projection,
      this.articleRow(shape, related),
      bySlugSql(slug),
      keys,
      bySlugOrder(slug),
    );
  }

  // An article page's row over `t`: a text per shape and rail size (1-50), written once.
  private readonly articleRows = new WeakMap<Shape, Map<number, Prisma.Sql>>();

  private articleRow(shape: Shape, related: { entry: ShapedField; first: number } | null): Prisma.Sql {
    if (!related) return shapedRow(this.projection, shape, 't');
    let known = this.articleRows.get(shape);
    if (!known) this.articleRows.set(shape, (known = new Map()));
    let sql = known.get(related.first);
    if (!sql) {
      sql = shapedRowWith(this.projection, shape, 't', [{ entry: related.entry, sql: this.relatedText(related, 't') }]);
      known.set(related.first, sql);
    }
    return sql;
  }

  // findRelatedPublished's rail as a shaped field of the article under `owner`: the list's text, and
  // its key then each row's, in the order findRelatedPublished tags them.
  private relatedText({ entry, first }: { entry: ShapedField; first: number }, owner: string): Prisma.Sql {
    const shape = 'shape' in entry ? entry.shape : undefined;
    if (!shape) throw new Error('The related rail has a shape');
    return Prisma.sql`SELECT '[' || coalesce(string_agg(ro.json, ',' ORDER BY rr.ord), '') || ']' AS json,
      concat_ws(' ', ${Prisma.raw(`'${CacheKeys.relatedArticles}'`)}, string_agg(ro.keys, ' ' ORDER BY rr.ord)) AS keys
      FROM (${relatedRailSql(Prisma.raw(`${owner}.id`), first)}) rr JOIN articles a ON a.id = rr.id
      CROSS JOIN LATERAL (${shapedRow(this.projection, shape, 'a')}) ro`;
  }

  /** The tags, authors, section and series whose article lists include this article (for cache purging). */
  listMemberships(tx: Tx, articleId: string): Promise<{ scope: ListScope; slug: string }[]> {
    return tx.$queryRaw<{ scope: ListScope; slug: string }[]>`
      SELECT 'tag' AS scope, t.slug FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ${articleId}::uuid
      UNION ALL
      SELECT 'author', au.slug FROM article_authors aa JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = ${articleId}::uuid
      UNION ALL
      SELECT 'section', s.slug FROM articles a JOIN sections s ON s.id = a.section_id WHERE a.id = ${articleId}::uuid
      UNION ALL
      SELECT 'series', se.slug FROM articles a JOIN series se ON se.id = a.series_id WHERE a.id = ${articleId}::uuid`;
  }

  /** Published in [from, to), newest first (newsletter round-ups). */
  findPublishedBetween(from: Date, to: Date, limit: number, selection: Selection, keys: ResponseKeys): Promise<ProjectedRow[]> {
    return this.reader.many(
      this.projection,
      selection,
      Prisma.sql`t.published_at >= ${from} AND t.published_at < ${to}`,
      Prisma.sql`t.published_at DESC, t.id DESC`,
      keys,
      limit,
    );
  }
}

// An article by current or former slug, over alias `t`. `slug = $1 OR id IN (former slugs)` made
// PostgreSQL scan every article (measured: 10k rows per lookup); ids from the two unique indexes
// first, then a primary-key lookup. The current slug wins over a former one.
function bySlugSql(slug: string): Prisma.Sql {
  return Prisma.sql`t.id = ANY(ARRAY(SELECT id FROM articles WHERE slug = ${slug} UNION ALL SELECT article_id FROM article_slugs WHERE slug = ${slug}))`;
}

function bySlugOrder(slug: string): Prisma.Sql {
  return Prisma.sql`ORDER BY (t.slug = ${slug}) DESC`;
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
