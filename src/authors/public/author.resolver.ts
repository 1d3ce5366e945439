import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ArticleQueryService } from '../../articles/article-query.service.js';
import { NestedArticlesArgs } from '../../articles/public/article-list.args.js';
import { ArticleConnection, type ArticleModel } from '../../articles/public/article.model.js';
import { ConnectionArgs, toPageRequest } from '../../graphql/pagination/connection.args.js';
import { connectionTypes, type Connection } from '../../graphql/pagination/connection.model.js';
import type { PublicContext } from '../../graphql/public-context.js';
import { ImageModel } from '../../media/public/image.model.js';
import { AuthorQueryService } from '../author-query.service.js';
import { AuthorModel } from './author.model.js';

export const { ConnectionType: AuthorConnection } = connectionTypes(AuthorModel, 'Author');

@Resolver(() => AuthorModel)
export class AuthorResolver {
  constructor(
    private readonly authorQueries: AuthorQueryService,
    private readonly articleQueries: ArticleQueryService,
  ) {}

  @Query(() => AuthorConnection, { description: 'Authors in alphabetical order' })
  authors(@Args() args: ConnectionArgs, @Context() ctx: PublicContext): Promise<Connection<AuthorModel>> {
    return this.authorQueries.list(toPageRequest(args), ctx.keys);
  }

  @Query(() => AuthorModel, { nullable: true })
  author(@Args('slug') slug: string, @Context() ctx: PublicContext): Promise<AuthorModel | null> {
    return this.authorQueries.findBySlug(slug, ctx.keys);
  }

  @ResolveField(() => ArticleConnection, { description: 'Published articles by this author' })
  articles(
    @Parent() author: AuthorModel,
    @Args() args: NestedArticlesArgs,
    @Context() ctx: PublicContext,
  ): Promise<Connection<ArticleModel>> {
    return this.articleQueries.list({ authorSlug: author.slug }, args.orderBy ?? 'NEWEST', toPageRequest(args), ctx.keys);
  }

  @ResolveField(() => ImageModel, { nullable: true })
  avatar(@Parent() author: AuthorModel, @Context() ctx: PublicContext): Promise<ImageModel | null> | null {
    return author.avatarId ? ctx.loaders.imageById.load(author.avatarId) : null;
  }
}
