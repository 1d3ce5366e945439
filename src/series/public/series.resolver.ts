import type { PublicContext } from '../../graphql/public-context.js';
import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ArticleQueryService } from '../../articles/article-query.service.js';
import { NestedArticlesArgs } from '../../articles/public/article-list.args.js';
import { ArticleConnection, type ArticleModel } from '../../articles/public/article.model.js';
import { toPageRequest } from '../../graphql/pagination/connection.args.js';
import type { Connection } from '../../graphql/pagination/connection.model.js';
import { SeriesQueryService } from '../series-query.service.js';
import { SeriesModel } from './series.model.js';

@Resolver(() => SeriesModel)
export class SeriesResolver {
  constructor(
    private readonly seriesQueries: SeriesQueryService,
    private readonly articleQueries: ArticleQueryService,
  ) {}

  @Query(() => [SeriesModel])
  series(@Context() ctx: PublicContext): Promise<SeriesModel[]> {
    return this.seriesQueries.list(ctx.keys);
  }

  @Query(() => SeriesModel, { nullable: true, description: 'One series (e.g. "diplomacy-watch") by slug' })
  seriesBySlug(@Args('slug') slug: string, @Context() ctx: PublicContext): Promise<SeriesModel | null> {
    return this.seriesQueries.findBySlug(slug, ctx.keys);
  }

  @ResolveField(() => ArticleConnection, { description: 'Published articles in this series' })
  articles(
    @Parent() series: SeriesModel,
    @Args() args: NestedArticlesArgs,
    @Context() ctx: PublicContext,
  ): Promise<Connection<ArticleModel>> {
    return this.articleQueries.list({ seriesSlug: series.slug }, args.orderBy ?? 'NEWEST', toPageRequest(args), ctx.keys);
  }
}
