import { Prisma, type ArticleType } from '../generated/prisma/client.js';
import { decodeCursor, encodeCursor } from '../graphql/pagination/cursor.js';
import type { PageRequest } from '../graphql/pagination/connection.args.js';

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

/** What a list read returns per row: the id and the sort keys its cursor is made of. */
export interface ArticleListKey {
  id: string;
  publishedAt: Date;
  rank: number | null;
}

// The one definition of what the public may see. Every public article read goes through it.
export const PUBLISHED = Prisma.sql`a.status = 'PUBLISHED' AND a.deleted_at IS NULL AND a.published_at IS NOT NULL`;

// Builds the keyset SQL for `articles(filter, orderBy, first/after/last/before)`. Tag and author
// filters read the published_at copied onto article_tags / article_authors, so a tag page is one
// index range scan (article_tags_by_tag_idx) however large the archive grows.
export class ArticleListQuery {
  private readonly order: ArticleOrder;

  constructor(
    private readonly filter: ArticleListFilter,
    order: ArticleOrder,
  ) {
    // Relevance needs a search; without one it means newest first.
    this.order = order === 'RELEVANCE' && !filter.search ? 'NEWEST' : order;
  }

  page(page: PageRequest): Prisma.Sql {
    const sortDescending = (this.order !== 'OLDEST') === (page.direction === 'forward');
    const dir = Prisma.raw(sortDescending ? 'DESC' : 'ASC');
    const keyset = page.cursor ? this.keyset(page.cursor, sortDescending) : Prisma.empty;
    if (this.isRanked()) {
      return Prisma.sql`
        SELECT c.id, c."publishedAt", ts_rank(c.search_vector, c.query) AS rank FROM (${this.relevanceWindow()}) c
        WHERE true ${keyset}
        ORDER BY rank ${dir}, c."publishedAt" ${dir}, c.id ${dir} LIMIT ${page.limit + 1}`;
    }
    return Prisma.sql`
      SELECT ${this.idColumn()} AS id, ${this.publishedAt()} AS "publishedAt", NULL::real AS rank
      ${this.from()} ${this.where()} ${keyset}
      ORDER BY ${this.publishedAt()} ${dir}, ${this.idColumn()} ${dir} LIMIT ${page.limit + 1}`;
  }

  count(): Prisma.Sql {
    if (this.isRanked()) return Prisma.sql`SELECT count(*)::int AS count FROM (${this.relevanceWindow()}) c`;
    return Prisma.sql`SELECT count(*)::int AS count ${this.from()} ${this.where()}`;
  }

  // Ranking reads each match's whole tsvector, so ranking every match of a common word grows with the
  // archive (0.3 s at 10k articles for "government"). Relevance ranks the newest RELEVANCE_WINDOW
  // matches instead, a bounded cost; NEWEST and OLDEST page through all matches.
  private relevanceWindow(): Prisma.Sql {
    return Prisma.sql`
      SELECT ${this.idColumn()} AS id, ${this.publishedAt()} AS "publishedAt", a.search_vector, q.query
      ${this.from()} ${this.where()}
      ORDER BY ${this.publishedAt()} DESC, ${this.idColumn()} DESC LIMIT ${RELEVANCE_WINDOW}`;
  }

  cursorOf(key: ArticleListKey): string {
    const base = [key.publishedAt.toISOString(), key.id];
    return encodeCursor(this.isRanked() ? [key.rank ?? 0, ...base] : base);
  }

  private isRanked(): boolean {
    return this.order === 'RELEVANCE';
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
    const { tagSlug, authorSlug, search } = this.filter;
    const joins: Prisma.Sql[] = [];
    if (tagSlug) {
      joins.push(Prisma.sql`JOIN article_tags t ON t.article_id = a.id
        AND t.tag_id = (SELECT id FROM tags WHERE slug = ${tagSlug} AND deleted_at IS NULL)`);
    }
    if (authorSlug) {
      joins.push(Prisma.sql`JOIN article_authors au ON au.article_id = a.id
        AND au.author_id = (SELECT id FROM authors WHERE slug = ${authorSlug} AND deleted_at IS NULL)`);
    }
    if (search) joins.push(Prisma.sql`CROSS JOIN websearch_to_tsquery('english', ${search}) AS q(query)`);
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
    if (search) conditions.push(Prisma.sql`a.search_vector @@ q.query`);
    conditions.push(...this.allowlists());
    return Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}`;
  }

  private allowlists(): Prisma.Sql[] {
    const { sectionIds, tagIds } = this.filter;
    const conditions: Prisma.Sql[] = [];
    if (sectionIds?.length) conditions.push(Prisma.sql`a.section_id = ANY(${[...sectionIds]}::uuid[])`);
    if (tagIds?.length) {
      conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM article_tags allowed
        WHERE allowed.article_id = a.id AND allowed.tag_id = ANY(${[...tagIds]}::uuid[]))`);
    }
    return conditions;
  }

  private keyset(cursor: string, descending: boolean): Prisma.Sql {
    const op = Prisma.raw(descending ? '<' : '>');
    if (this.isRanked()) {
      const [rank, publishedAt, id] = decodeCursor(cursor, ['number', 'string', 'string'], 'after');
      return Prisma.sql`AND (ts_rank(c.search_vector, c.query), c."publishedAt", c.id)
        ${op} (${rank}::real, ${publishedAt}::timestamptz, ${id}::uuid)`;
    }
    const [publishedAt, id] = decodeCursor(cursor, ['string', 'string'], 'after');
    return Prisma.sql`AND (${this.publishedAt()}, ${this.idColumn()}) ${op} (${publishedAt}::timestamptz, ${id}::uuid)`;
  }
}
