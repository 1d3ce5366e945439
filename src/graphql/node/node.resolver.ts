import { Args, Context, ID, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ArticleQueryService } from '../../articles/article-query.service.js';
import { AuthorQueryService } from '../../authors/author-query.service.js';
import { fromGlobalId, type NodeType } from '../../common/global-id.js';
import type { ProjectedRow } from '../../database/projection/projection.js';
import type { Selection } from '../../database/projection/selection.js';
import { ImageRepository } from '../../media/image.repository.js';
import { SectionQueryService } from '../../sections/section-query.service.js';
import { SeriesQueryService } from '../../series/series-query.service.js';
import { TagQueryService } from '../../tags/tag-query.service.js';
import type { PublicContext } from '../../graphql-types/public-context.js';
import { selectionOf } from '../../graphql-types/selection-of.js';
import { Node } from '../../graphql-types/node.interface.js';

type ByIds = (ids: readonly string[], selection: Selection, keys: PublicContext['keys']) => Promise<ProjectedRow[]>;

@Resolver(() => Node)
export class NodeResolver {
  private readonly readers: Record<NodeType, ByIds>;

  constructor(
    articles: ArticleQueryService,
    authors: AuthorQueryService,
    tags: TagQueryService,
    sections: SectionQueryService,
    series: SeriesQueryService,
    images: ImageRepository,
  ) {
    this.readers = {
      Article: (ids, selection, keys) => articles.findByIds(ids, selection, keys),
      Author: (ids, selection, keys) => authors.findByIds(ids, selection, keys),
      Tag: (ids, selection, keys) => tags.findByIds(ids, selection, keys),
      Section: (ids, selection, keys) => sections.findByIds(ids, selection, keys),
      Series: (ids, selection, keys) => series.findByIds(ids, selection, keys),
      Image: (ids, selection, keys) => images.findVisibleByIds(ids, selection, keys),
    };
  }

  @Query(() => Node, { nullable: true, description: 'Any published object by its id (Relay Object Identification)' })
  async node(
    @Args('id', { type: () => ID }) id: string,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: PublicContext,
  ): Promise<ProjectedRow | null> {
    const parsed = fromGlobalId(id);
    if (!parsed) return null;
    const [row] = await this.readers[parsed.type]([parsed.id], selectionOf(info), ctx.keys);
    return row ?? null;
  }
}
