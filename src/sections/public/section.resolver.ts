import type { PublicContext } from '../../graphql/public-context.js';
import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ArticleQueryService } from '../../articles/article-query.service.js';
import { NestedArticlesArgs } from '../../articles/public/article-list.args.js';
import { ArticleConnection, type ArticleModel } from '../../articles/public/article.model.js';
import { toPageRequest } from '../../graphql/pagination/connection.args.js';
import type { Connection } from '../../graphql/pagination/connection.model.js';
import { SectionQueryService } from '../section-query.service.js';
import { SectionModel } from './section.model.js';

@Resolver(() => SectionModel)
export class SectionResolver {
  constructor(
    private readonly sectionQueries: SectionQueryService,
    private readonly articleQueries: ArticleQueryService,
  ) {}

  @Query(() => [SectionModel], { description: 'Sections in display order' })
  sections(@Context() ctx: PublicContext): Promise<SectionModel[]> {
    return this.sectionQueries.list(ctx.keys);
  }

  @Query(() => SectionModel, { nullable: true })
  section(@Args('slug') slug: string, @Context() ctx: PublicContext): Promise<SectionModel | null> {
    return this.sectionQueries.findBySlug(slug, ctx.keys);
  }

  @ResolveField(() => ArticleConnection, { description: 'Published articles in this section' })
  articles(
    @Parent() section: SectionModel,
    @Args() args: NestedArticlesArgs,
    @Context() ctx: PublicContext,
  ): Promise<Connection<ArticleModel>> {
    return this.articleQueries.list({ sectionSlug: section.slug }, args.orderBy ?? 'NEWEST', toPageRequest(args), ctx.keys);
  }
}
