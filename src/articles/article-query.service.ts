import { Injectable } from '@nestjs/common';
import { buildConnection } from '../common/pagination/build-connection.js';
import type { Connection } from '../common/pagination/connection.js';
import { firstPage, type PageRequest } from '../common/pagination/page-request.js';
import type { ResponseKeys } from '../common/response-keys.js';
import { ROW_ID, type ProjectedRow } from '../database/projection/projection.js';
import type { Selection } from '../database/projection/selection.js';
import type { Tx } from '../database/tx.js';
import type { Shape, ShapedField } from '../database/projection/shaped-json.js';
import type { ConnectionShape } from '../database/projection/shaped-connection.js';
import type { ArticleListFilter, ArticleOrder } from './article-list.query.js';
import { ArticleRepository } from './article.repository.js';

// Public reads of articles, for the GraphQL API, feeds, the change feed, webhooks and newsletters
// alike: published content only (the repository enforces it), in the public shape the selection asks
// for. Every read tags `keys` with what it returns.
@Injectable()
export class ArticleQueryService {
  constructor(private readonly articles: ArticleRepository) {}

  findBySlug(slug: string, selection: Selection, keys: ResponseKeys): Promise<ProjectedRow | null> {
    return this.articles.findPublishedBySlug(slug, selection, keys);
  }

  findByIds(
    ids: readonly string[],
    selection: Selection,
    keys: ResponseKeys,
    scope?: Pick<ArticleListFilter, 'sectionIds' | 'tagIds'>,
    db?: Tx,
  ): Promise<ProjectedRow[]> {
    return this.articles.findPublishedByIds(ids, selection, keys, scope, db);
  }

  async list(
    filter: ArticleListFilter,
    order: ArticleOrder,
    page: PageRequest,
    selection: Selection,
    keys: ResponseKeys,
  ): Promise<Connection<ProjectedRow>> {
    const result = await this.articles.listPublished(filter, order, page, selection, keys);
    return buildConnection(
      result.rows,
      page,
      (row) => row.cursor,
      result.count,
      (row) => row.article,
    );
  }

  /** The newest `count`, newest first; no extra row is read since nobody asks for a next page. */
  async latest(filter: ArticleListFilter, count: number, selection: Selection, keys: ResponseKeys): Promise<ProjectedRow[]> {
    const page = await this.articles.listPublished(filter, 'NEWEST', firstPage(count), selection, keys, { limit: count });
    return page.rows.map((row) => row.article);
  }

  /** Whether latestText can write `shape` of an article (no field computed in JS). */
  canShape(shape: Shape): boolean {
    return this.articles.canShape(shape);
  }

  /**
   * findBySlug() as the JSON text GraphQL would send for it, in `shape`; `related`: that field of the
   * shape is related() of the article, `first` long, read in the same statement.
   */
  findBySlugText(
    slug: string,
    shape: Shape,
    related: { entry: ShapedField; first: number } | null,
    keys: ResponseKeys,
  ): Promise<string> {
    return this.articles.findPublishedBySlugText(slug, shape, related, keys);
  }

  /** latest() as the JSON text GraphQL would send for it, each article in `shape`. */
  latestText(filter: ArticleListFilter, count: number, shape: Shape, keys: ResponseKeys): Promise<string> {
    return this.articles.listPublishedText(filter, 'NEWEST', firstPage(count), shape, keys, { limit: count });
  }

  /** list() as the JSON text GraphQL would send for its connection; null for a cursor list() would refuse. */
  listText(
    filter: ArticleListFilter,
    order: Exclude<ArticleOrder, 'RELEVANCE'>,
    page: PageRequest,
    shape: ConnectionShape,
    keys: ResponseKeys,
  ): Promise<string> | null {
    return this.articles.listPublishedConnectionText(filter, order, page, shape, keys);
  }

  related(article: ProjectedRow, count: number, selection: Selection, keys: ResponseKeys): Promise<ProjectedRow[]> {
    return this.articles.findRelatedPublished(article[ROW_ID], count, selection, keys);
  }

  publishedBetween(from: Date, to: Date, limit: number, selection: Selection, keys: ResponseKeys): Promise<ProjectedRow[]> {
    return this.articles.findPublishedBetween(from, to, limit, selection, keys);
  }
}
