import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { PageRequest } from '../../common/pagination/page-request.js';
import type { ResponseKeys } from '../../common/response-keys.js';
import { connectionShape } from '../../database/projection/shaped-connection.js';
import type { Shape } from '../../database/projection/shaped-json.js';
import { toPageRequest } from '../../graphql-types/pagination/connection.args.js';
import { PassThroughRegistry } from '../../graphql-types/pass-through-registry.js';
import { ArticleQueryService } from '../article-query.service.js';
import { articlesArgsSchema } from './articles.schema.js';

// articles(filter:, orderBy:, first:, after:) as PostgreSQL's JSON text (graphql/pass-through/): the
// resolver's read, validated by the resolver's schemas, for the tag, section and other lists paged
// forward by date. Search (ranked, its rank printed by JS), last/before and totalCount (a second
// statement) run through graphql-js as before, as does any argument the resolver would refuse.
@Injectable()
export class ArticlesPassThrough implements OnModuleInit {
  constructor(
    private readonly registry: PassThroughRegistry,
    private readonly articleQueries: ArticleQueryService,
  ) {}

  onModuleInit(): void {
    this.registry.register('articles', {
      accepts: (shape) => {
        const connection = connectionShape(shape);
        return connection !== null && this.articleQueries.canShape(connection.node);
      },
      read: (args, shape, keys) => this.read(args, shape, keys),
    });
  }

  private read(args: Record<string, unknown>, shape: Shape, keys: ResponseKeys): Promise<string> | null {
    const parsed = articlesArgsSchema.safeParse(args);
    if (!parsed.success) return null;
    const { filter, orderBy } = parsed.data;
    if (filter.search || orderBy === 'RELEVANCE') return null;
    const page = forwardPage(args);
    // accepts() said yes to this shape when the plan was made.
    const connection = connectionShape(shape)!;
    return page ? this.articleQueries.listText(filter, orderBy ?? 'NEWEST', page, connection, keys) : null;
  }
}

/** toPageRequest's page when it is a valid forward one; null for last/before or arguments it refuses. */
function forwardPage(args: Record<string, unknown>): PageRequest | null {
  try {
    const page = toPageRequest(args);
    return page.direction === 'forward' ? page : null;
  } catch {
    return null;
  }
}
