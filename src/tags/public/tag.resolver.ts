import type { PublicContext } from '../../graphql/public-context.js';
import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ArticleQueryService } from '../../articles/article-query.service.js';
import { NestedArticlesArgs } from '../../articles/public/article-list.args.js';
import { ArticleConnection, type ArticleModel } from '../../articles/public/article.model.js';
import { ConnectionArgs, toPageRequest } from '../../graphql/pagination/connection.args.js';
import { connectionTypes, type Connection } from '../../graphql/pagination/connection.model.js';
import { TagQueryService } from '../tag-query.service.js';
import { TagModel } from './tag.model.js';

export const { ConnectionType: TagConnection } = connectionTypes(TagModel, 'Tag');

@Resolver(() => TagModel)
export class TagResolver {
  constructor(
    private readonly tagQueries: TagQueryService,
    private readonly articleQueries: ArticleQueryService,
  ) {}

  @Query(() => TagConnection, { description: 'Tags in alphabetical order' })
  tags(@Args() args: ConnectionArgs, @Context() ctx: PublicContext): Promise<Connection<TagModel>> {
    return this.tagQueries.list(toPageRequest(args), ctx.keys);
  }

  @Query(() => TagModel, { nullable: true })
  tag(@Args('slug') slug: string, @Context() ctx: PublicContext): Promise<TagModel | null> {
    return this.tagQueries.findBySlug(slug, ctx.keys);
  }

  @ResolveField(() => ArticleConnection, { description: 'Published articles with this tag' })
  articles(
    @Parent() tag: TagModel,
    @Args() args: NestedArticlesArgs,
    @Context() ctx: PublicContext,
  ): Promise<Connection<ArticleModel>> {
    return this.articleQueries.list({ tagSlug: tag.slug }, args.orderBy ?? 'NEWEST', toPageRequest(args), ctx.keys);
  }
}
