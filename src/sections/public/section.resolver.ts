import { Args, Context, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { ProjectedRow } from '../../database/projection/projection.js';
import type { PublicContext } from '../../graphql-types/public-context.js';
import { selectionOf } from '../../graphql-types/selection-of.js';
import { SectionQueryService } from '../section-query.service.js';
import { SectionModel } from './section.model.js';

@Resolver(() => SectionModel)
export class SectionResolver {
  constructor(private readonly sectionQueries: SectionQueryService) {}

  @Query(() => [SectionModel], { description: 'Sections in display order' })
  sections(@Info() info: GraphQLResolveInfo, @Context() ctx: PublicContext): Promise<ProjectedRow[]> {
    return this.sectionQueries.listAll(selectionOf(info), ctx.keys);
  }

  @Query(() => SectionModel, { nullable: true })
  section(
    @Args('slug') slug: string,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: PublicContext,
  ): Promise<ProjectedRow | null> {
    return this.sectionQueries.findBySlug(slug, selectionOf(info), ctx.keys);
  }
}
