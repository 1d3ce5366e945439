import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ResponseKeys } from '../../common/response-keys.js';
import type { Shape } from '../../database/projection/shaped-json.js';
import { PassThroughRegistry } from '../../graphql-types/pass-through-registry.js';
import { ArticleQueryService } from '../article-query.service.js';
import { latestArticlesSchema } from './articles.schema.js';

// latestArticles(first:) as PostgreSQL's JSON text (graphql/pass-through/): the resolver's read,
// validated by the resolver's schema, for selections no JS has to complete.
@Injectable()
export class LatestArticlesPassThrough implements OnModuleInit {
  constructor(
    private readonly registry: PassThroughRegistry,
    private readonly articleQueries: ArticleQueryService,
  ) {}

  onModuleInit(): void {
    this.registry.register('latestArticles', {
      accepts: (shape) => this.articleQueries.canShape(shape),
      read: (args, shape, keys) => this.read(args, shape, keys),
    });
  }

  private read(args: Record<string, unknown>, shape: Shape, keys: ResponseKeys): Promise<string> | null {
    const parsed = latestArticlesSchema.safeParse(args);
    return parsed.success ? this.articleQueries.latestText({}, parsed.data.first, shape, keys) : null;
  }
}
