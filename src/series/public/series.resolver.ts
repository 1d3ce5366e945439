import { Args, Context, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { ProjectedRow } from '../../database/projection/projection.js';
import type { PublicContext } from '../../graphql-types/public-context.js';
import { selectionOf } from '../../graphql-types/selection-of.js';
import { SeriesQueryService } from '../series-query.service.js';
import { SeriesModel } from './series.model.js';

@Resolver(() => SeriesModel)
export class SeriesResolver {
  constructor(private readonly seriesQueries: SeriesQueryService) {}

  @Query(() => [SeriesModel])
  series(@Info() info: GraphQLResolveInfo, @Context() ctx: PublicContext): Promise<ProjectedRow[]> {
    return this.seriesQueries.listAll(selectionOf(info), ctx.keys);
  }

  @Query(() => SeriesModel, { nullable: true, description: 'One series (e.g. "diplomacy-watch") by slug' })
  seriesBySlug(
    @Args('slug') slug: string,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: PublicContext,
  ): Promise<ProjectedRow | null> {
    return this.seriesQueries.findBySlug(slug, selectionOf(info), ctx.keys);
  }
}
