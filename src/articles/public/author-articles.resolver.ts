import { Args, Context, Info, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Connection } from '../../common/pagination/connection.js';
import type { ProjectedRow } from '../../database/projection/projection.js';
import { toPageRequest } from '../../graphql-types/pagination/connection.args.js';
import type { PublicContext } from '../../graphql-types/public-context.js';
import { selectionOf } from '../../graphql-types/selection-of.js';
import { AuthorModel } from '../../authors/public/author.model.js';
import { ArticleQueryService } from '../article-query.service.js';
import { NestedArticlesArgs } from './article-list.args.js';
import { ArticleConnection } from './article.model.js';

// Author.articles is answered here: articles know their authors, and authors know nothing of articles.
@Resolver(() => AuthorModel)
export class AuthorArticlesResolver {
  constructor(private readonly articleQueries: ArticleQueryService) {}

  @ResolveField(() => ArticleConnection, { description: 'Published articles by this author' })
  articles(
    @Parent() author: ProjectedRow,
    @Args() args: NestedArticlesArgs,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: PublicContext,
  ): Promise<Connection<ProjectedRow>> {
    const page = toPageRequest(args);
    return this.articleQueries.list(
      { authorSlug: author.slug as string },
      args.orderBy ?? 'NEWEST',
      page,
      selectionOf(info, 'edges', 'node'),
      ctx.keys,
    );
  }
}
