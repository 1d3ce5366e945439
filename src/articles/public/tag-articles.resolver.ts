import { Args, Context, Info, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Connection } from '../../common/pagination/connection.js';
import type { ProjectedRow } from '../../database/projection/projection.js';
import { toPageRequest } from '../../graphql-types/pagination/connection.args.js';
import type { PublicContext } from '../../graphql-types/public-context.js';
import { selectionOf } from '../../graphql-types/selection-of.js';
import { TagModel } from '../../tags/public/tag.model.js';
import { ArticleQueryService } from '../article-query.service.js';
import { NestedArticlesArgs } from './article-list.args.js';
import { ArticleConnection } from './article.model.js';

// Tag.articles is answered here: articles know their tags, and tags know nothing of articles.
@Resolver(() => TagModel)
export class TagArticlesResolver {
  constructor(private readonly articleQueries: ArticleQueryService) {}

  @ResolveField(() => ArticleConnection, { description: 'Published articles with this tag' })
  articles(
    @Parent() tag: ProjectedRow,
    @Args() args: NestedArticlesArgs,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: PublicContext,
  ): Promise<Connection<ProjectedRow>> {
    const page = toPageRequest(args);
    return this.articleQueries.list(
      { tagSlug: tag.slug as string },
      args.orderBy ?? 'NEWEST',
      page,
      selectionOf(info, 'edges', 'node'),
      ctx.keys,
    );
  }
}
