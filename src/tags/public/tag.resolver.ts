import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
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
  tags(@Args() args: ConnectionArgs): Promise<Connection<TagModel>> {
    return this.tagQueries.list(toPageRequest(args));
  }

  @Query(() => TagModel, { nullable: true })
  tag(@Args('slug') slug: string): Promise<TagModel | null> {
    return this.tagQueries.findBySlug(slug);
  }

  @ResolveField(() => ArticleConnection, { description: 'Published articles with this tag' })
  articles(@Parent() tag: TagModel, @Args() args: NestedArticlesArgs): Promise<Connection<ArticleModel>> {
    return this.articleQueries.list({ tagSlug: tag.slug }, args.orderBy ?? 'NEWEST', toPageRequest(args));
  }
}
