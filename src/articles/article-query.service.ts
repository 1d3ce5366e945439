import { Injectable } from '@nestjs/common';
import { buildConnection } from '../graphql/pagination/build-connection.js';
import type { Connection } from '../graphql/pagination/connection.model.js';
import type { PageRequest } from '../graphql/pagination/connection.args.js';
import type { ArticleListFilter, ArticleOrder } from './article-list.query.js';
import type { ResponseKeys } from '../cache/response-keys.js';
import { ArticleRepository } from './article.repository.js';
import { ArticleModel } from './public/article.model.js';

// Public reads of articles. Everything here is published content only: the repository enforces it.
@Injectable()
export class ArticleQueryService {
  constructor(private readonly articles: ArticleRepository) {}

  async findBySlug(slug: string, keys: ResponseKeys): Promise<ArticleModel | null> {
    const row = await this.articles.findPublishedBySlug(slug, keys);
    return row ? ArticleModel.fromRow(row) : null;
  }

  async findByIds(ids: readonly string[], keys: ResponseKeys): Promise<ArticleModel[]> {
    return (await this.articles.findPublishedByIds(ids, keys)).map(ArticleModel.fromRow);
  }

  async list(
    filter: ArticleListFilter,
    order: ArticleOrder,
    page: PageRequest,
    keys: ResponseKeys,
  ): Promise<Connection<ArticleModel>> {
    const result = await this.articles.listPublished(filter, order, page, keys);
    return buildConnection(
      result.rows,
      page,
      (row) => row.cursor,
      result.count,
      (row) => ArticleModel.fromRow(row.article),
    );
  }

  async latest(count: number, keys: ResponseKeys): Promise<ArticleModel[]> {
    const page = await this.articles.listPublished({}, 'NEWEST', { direction: 'forward', limit: count, cursor: undefined }, keys);
    return page.rows.slice(0, count).map((row) => ArticleModel.fromRow(row.article));
  }

  async related(article: ArticleModel, count: number, keys: ResponseKeys): Promise<ArticleModel[]> {
    const rows = await this.articles.findRelatedPublished({ id: article.rowId, sectionId: article.sectionId }, count, keys);
    return rows.map(ArticleModel.fromRow);
  }
}
