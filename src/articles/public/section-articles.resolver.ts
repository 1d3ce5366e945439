import { Args, Context, Info, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Connection } from '../../common/pagination/connection.js';
import type { ProjectedRow } from '../../database/projection/projection.js';
import { toPageRequest } from '../../graphql-types/pagination/connection.args.js';
import type { PublicContext } from '../../graphql-types/public-context.js';
import { selectionOf } from '../../graphql-types/selection-of.js';
import { SectionModel } from '../../sections/public/section.model.js';
import { ArticleQueryService } from '../article-query.service.js';
import { NestedArticlesArgs } from './article-list.args.js';
import { ArticleConnection } from './article.model.js';

// Section.articles is answered here: articles know their sections, and sections know nothing of articles.
@Resolver(() => SectionModel)
export class SectionArticlesResolver {
  constructor(private readonly articleQueries: ArticleQueryService) {}

  @ResolveField(() => ArticleConnection, { description: 'Published articles in this section' })
  articles(
    @Parent() section: ProjectedRow,
    @Args() args: NestedArticlesArgs,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: PublicContext,
  ): Promise<Connection<ProjectedRow>> {
    const page = toPageRequest(args);
    return this.articleQueries.list(
      { sectionSlug: section.slug as string },
      args.orderBy ?? 'NEWEST',
      page,
      selectionOf(info, 'edges', 'node'),
      ctx.keys,
    );
  }
}
