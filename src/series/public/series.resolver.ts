import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
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
  series(): Promise<SeriesModel[]> {
    return this.seriesQueries.list();
  }

  @Query(() => SeriesModel, { nullable: true, description: 'One series (e.g. "diplomacy-watch") by slug' })
  seriesBySlug(@Args('slug') slug: string): Promise<SeriesModel | null> {
    return this.seriesQueries.findBySlug(slug);
  }

  @ResolveField(() => ArticleConnection, { description: 'Published articles in this series' })
  articles(@Parent() series: SeriesModel, @Args() args: NestedArticlesArgs): Promise<Connection<ArticleModel>> {
    return this.articleQueries.list({ seriesSlug: series.slug }, args.orderBy ?? 'NEWEST', toPageRequest(args));
  }
}
