import { Keyset } from '../common/pagination/keyset.js';
import type { PageRequest } from '../common/pagination/page-request.js';
import { literalLimit } from '../database/prepared-statements.js';
import { Prisma, type ArticleType } from '../generated/prisma/client.js';
import { publishedSql } from './article-visibility.js';
import { articleSearch, type ConfigInUse } from './search/text-search-query.js';

export interface ArticleListFilter {
  readonly tagSlug?: string;
  readonly sectionSlug?: string;
  readonly seriesSlug?: string;
  readonly authorSlug?: string;
  readonly type?: ArticleType;
  readonly search?: string;
  /** A syndication partner's allowlists (database ids); empty or absent means no restriction. */
  readonly sectionIds?: readonly string[];
  readonly tagIds?: readonly string[];
}

export type ArticleOrder = 'NEWEST' | 'OLDEST' | 'RELEVANCE';

/** How many of the newest matches a relevance-ordered search ranks. */
export const RELEVANCE_WINDOW = 1000;

/** The sort keys of one listed article, as the page query returns them: what its cursor is made of. */
export type ArticleSortKeys = [publishedAt: string, id: string, rank: number | null];

// Cursors: [publishedAt, id], or [rank, publishedAt, id] when ranked by relevance.
const BY_DATE = new Keyset(['timestamp', 'uuid']);
const BY_RANK = new Keyset(['number', 'timestamp', 'uuid']);

const PUBLISHED = publishedSql('a');

// Builds the keyset SQL for `articles(filter, orderBy, first/after/last/before)`: the ids and sort
// keys of one page (limit + 1 rows, so the connection knows whether more follow). Tag and author
// filters read the published_at copied onto article_tags / article_authors, so a tag page is one
// index range scan (article_tags_by_tag_idx) however large the archive grows.
export class ArticleListQuery {
  private readonly order: ArticleOrder;

  /** `searchConfigs`: the text-search configurations in use (search/text-search-query.ts), with a search. */
  constructor(
    private readonly filter: ArticleListFilter,
    order: ArticleOrder,
    private readonly searchConfigs: readonly ConfigInUse[] = [],
  ) {
    // Relevance needs a search; without one it means newest first.
    this.order = order === 'RELEVANCE' && !filter.search ? 'NEWEST' : order;
  }

  /** Columns: id, "publishedAt", rank; in page order. */
  page(page: PageRequest, limit = page.limit + 1): Prisma.Sql {
    const dir = this.direction(page);
    const keyset = this.keysetAfter(page);
    if (this.isRanked()) {
      return Prisma.sql`
        SELECT c.id, c."publishedAt", ts_rank(c.search_vector, c.query) AS rank FROM (${this.relevanceWindow()}) c
        WHERE true ${keyset}
        ORDER BY rank ${dir}, c."publishedAt" ${dir}, c.id ${dir} ${literalLimit(limit)}`;
    }
    return Prisma.sql`
      SELECT ${this.idColumn()} AS id, ${this.publishedAt()} AS "publishedAt", NULL::real AS rank
      ${this.from()} ${this.where()} ${keyset}
      ORDER BY ${this.publishedAt()} ${dir}, ${this.idColumn()} ${dir} ${literalLimit(limit)}`;
  }

  /** ORDER BY over the columns page() returns (under alias `k`), for re-reading them in page order. */
  pageOrder(page: PageRequest): Prisma.Sql {
    const dir = this.direction(page);
    return this.isRanked()
      ? Prisma.sql`k.rank ${dir}, k."publishedAt" ${dir}, k.id ${dir}`
      : Prisma.sql`k."publishedAt" ${dir}, k.id ${dir}`;
  }

  count(): Prisma.Sql {
    if (this.isRanked()) return Prisma.sql`SELECT count(*)::int AS count FROM (${this.relevanceWindow()}) c`;
    return Prisma.sql`SELECT count(*)::int AS count ${this.from()} ${this.where()}`;
  }

  cursorOf([publishedAt, id, rank]: ArticleSortKeys): string {
    return this.isRanked() ? BY_RANK.encode([rank ?? 0, publishedAt, id]) : BY_DATE.encode([publishedAt, id]);
  }

  /** cursorOf in SQL, over the columns page() returns under `k`; date orders only. */
  cursorSql(): Prisma.Sql {
    if (this.isRanked()) throw new Error('No cursor SQL for a ranked list');
    return BY_DATE.sqlEncode([Prisma.sql`k."publishedAt"`, Prisma.sql`k.id`]);
  }

  // Ranking reads each match's whole tsvector, so ranking every match of a common word grows with the
  // archive (0.3 s at 10k articles for "government"). Relevance ranks the newest RELEVANCE_WINDOW
  // matches instead, a bounded cost; NEWEST and OLDEST page through all matches.
  private relevanceWindow(): Prisma.Sql {
    return Prisma.sql`
      SELECT ${this.idColumn()} AS id, ${this.publishedAt()} AS "publishedAt", a.search_vector, ${this.search().ownQuery} AS query
      ${this.from()} ${this.where()}
      ORDER BY ${this.publishedAt()} DESC, ${this.idColumn()} DESC ${literalLimit(RELEVANCE_WINDOW)}`;
  }

  private search() {
    return articleSearch(this.filter.search ?? '', this.searchConfigs);
  }

  private isRanked(): boolean {
    return this.order === 'RELEVANCE';
  }

  private direction(page: PageRequest): Prisma.Sql {
    const descending = (this.order !== 'OLDEST') === (page.direction === 'forward');
    return Prisma.raw(descending ? 'DESC' : 'ASC');
  }

  // Sort by the copy on the join table when filtering by tag or author, so the index covers the order.
  private publishedAt(): Prisma.Sql {
    if (this.filter.tagSlug) return Prisma.sql`t.published_at`;
    if (this.filter.authorSlug) return Prisma.sql`au.published_at`;
    return Prisma.sql`a.published_at`;
  }

  private idColumn(): Prisma.Sql {
    if (this.filter.tagSlug) return Prisma.sql`t.article_id`;
    if (this.filter.authorSlug) return Prisma.sql`au.article_id`;
    return Prisma.sql`a.id`;
  }

  private from(): Prisma.Sql {
    const { tagSlug, authorSlug } = this.filter;
    const joins: Prisma.Sql[] = [];
    if (tagSlug) {
      joins.push(Prisma.sql`JOIN article_tags t ON t.article_id = a.id
        AND t.tag_id = (SELECT id FROM tags WHERE slug = ${tagSlug} AND deleted_at IS NULL)`);
    }
    if (authorSlug) {
      joins.push(Prisma.sql`JOIN article_authors au ON au.article_id = a.id
        AND au.author_id = (SELECT id FROM authors WHERE slug = ${authorSlug} AND deleted_at IS NULL)`);
    }
    return joins.length ? Prisma.sql`FROM articles a ${Prisma.join(joins, ' ')}` : Prisma.sql`FROM articles a`;
  }

  private where(): Prisma.Sql {
    const { sectionSlug, seriesSlug, type, search } = this.filter;
    const conditions = [PUBLISHED];
    if (sectionSlug) {
      conditions.push(Prisma.sql`a.section_id = (SELECT id FROM sections WHERE slug = ${sectionSlug} AND deleted_at IS NULL)`);
    }
    if (seriesSlug) {
      conditions.push(Prisma.sql`a.series_id = (SELECT id FROM series WHERE slug = ${seriesSlug} AND deleted_at IS NULL)`);
    }
    if (type) conditions.push(Prisma.sql`a.type = ${type}::article_type`);
    if (search) conditions.push(this.search().matches);
    conditions.push(...this.allowlists());
    return Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}`;
  }

  private allowlists(): Prisma.Sql[] {
    return allowlistConditions(this.filter, 'a');
  }

  private keysetAfter(page: PageRequest): Prisma.Sql {
    const descending = (this.order !== 'OLDEST') === (page.direction === 'forward');
    if (this.isRanked()) {
      const values = BY_RANK.decode(page);
      if (!values) return Prisma.empty;
      const columns = [Prisma.sql`ts_rank(c.search_vector, c.query)`, Prisma.sql`c."publishedAt"`, Prisma.sql`c.id`];
      return Prisma.sql`AND ${BY_RANK.sqlAfter(columns, values, descending)}`;
    }
    const values = BY_DATE.decode(page);
    if (!values) return Prisma.empty;
    return Prisma.sql`AND ${BY_DATE.sqlAfter([this.publishedAt(), this.idColumn()], values, descending)}`;
  }
}

/** A partner's allowlists as SQL conditions over articles under `alias`; none without allowlists. */
export function allowlistConditions(scope: Pick<ArticleListFilter, 'sectionIds' | 'tagIds'>, alias: string): Prisma.Sql[] {
  const a = Prisma.raw(alias);
  const conditions: Prisma.Sql[] = [];
  if (scope.sectionIds?.length) conditions.push(Prisma.sql`${a}.section_id = ANY(${[...scope.sectionIds]}::uuid[])`);
  if (scope.tagIds?.length) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM article_tags allowed
      WHERE allowed.article_id = ${a}.id AND allowed.tag_id = ANY(${[...scope.tagIds]}::uuid[]))`);
  }
  return conditions;
}
