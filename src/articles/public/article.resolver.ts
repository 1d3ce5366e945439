import { Args, Context, Info, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { fromGlobalId } from '../../common/global-id.js';
import type { Connection } from '../../common/pagination/connection.js';
import type { ProjectedRow } from '../../database/projection/projection.js';
import { toPageRequest } from '../../graphql-types/pagination/connection.args.js';
import type { PublicContext } from '../../graphql-types/public-context.js';
import { markPrivate } from '../../graphql-types/cache-policy.js';
import { selectionOf } from '../../graphql-types/selection-of.js';
import { Selection } from '../../database/projection/selection.js';
import { ArticleQueryService } from '../article-query.service.js';
import { ArticlePreviewService } from '../preview/article-preview.service.js';
import { ArticleConnection, ArticleModel } from './article.model.js';
import { ValidArgs } from '../../graphql-types/valid-input.decorator.js';
import type { ConnectionArgs } from '../../graphql-types/pagination/connection.args.js';
import { ArticlesArgs, LatestArticlesArgs, RelatedArticlesArgs } from './articles.args.js';
import {
  articlesArgsSchema,
  latestArticlesSchema,
  relatedArticlesSchema,
  type ArticlesQuery,
  type LatestArticlesQuery,
  type RelatedArticlesQuery,
} from './articles.schema.js';

// Each root field reads exactly what the request selects, in one statement (see database/projection);
// the article's fields are then plain properties. relatedArticles, which takes an argument, is the one
// field with a resolver of its own.
@Resolver(() => ArticleModel)
export class ArticleResolver {
  constructor(
    private readonly articleQueries: ArticleQueryService,
    private readonly previews: ArticlePreviewService,
  ) {}

  @Query(() => ArticleModel, {
    nullable: true,
    description: 'A published article by its current or a former slug; with a preview token, that one unpublished version',
  })
  article(
    @Args('slug') slug: string,
    @Args('previewToken', { nullable: true, type: () => String, description: 'From createPreviewToken on the admin API' })
    previewToken: string | null,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: PublicContext,
  ): Promise<ProjectedRow | null> {
    if (!previewToken) return this.articleQueries.findBySlug(slug, selectionOf(info), ctx.keys);
    // Unpublished content must never sit in a shared cache.
    markPrivate(ctx);
    return this.previews.open(previewToken, slug, selectionOf(info));
  }

  @Query(() => ArticleConnection, { description: 'Published articles, filtered and paged by cursor' })
  articles(
    @ValidArgs(ArticlesArgs, articlesArgsSchema) args: ConnectionArgs & ArticlesQuery,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: PublicContext,
  ): Promise<Connection<ProjectedRow>> {
    const { filter } = args;
    const order = args.orderBy ?? (filter.search ? 'RELEVANCE' : 'NEWEST');
    return this.articleQueries.list(filter, order, toPageRequest(args), selectionOf(info, 'edges', 'node'), ctx.keys);
  }

  @Query(() => [ArticleModel], { description: 'The newest published articles (the "Latest" list)' })
  latestArticles(
    @ValidArgs(LatestArticlesArgs, latestArticlesSchema) { first }: LatestArticlesQuery,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: PublicContext,
  ): Promise<ProjectedRow[]> {
    return this.articleQueries.latest({}, first, selectionOf(info), ctx.keys);
  }

  @Query(() => [ArticleModel], { description: 'Articles related to one: shared tags first, then same section' })
  async relatedArticles(
    @ValidArgs(RelatedArticlesArgs, relatedArticlesSchema) { id, first }: RelatedArticlesQuery,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: PublicContext,
  ): Promise<ProjectedRow[]> {
    const parsed = fromGlobalId(id);
    if (parsed?.type !== 'Article') return [];
    const [article] = await this.articleQueries.findByIds([parsed.id], Selection.EMPTY, ctx.keys);
    return article ? this.articleQueries.related(article, first, selectionOf(info), ctx.keys) : [];
  }

  @ResolveField('relatedArticles', () => [ArticleModel])
  relatedOf(
    @Parent() article: ProjectedRow,
    @ValidArgs(LatestArticlesArgs, latestArticlesSchema) { first }: LatestArticlesQuery,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: PublicContext,
  ): Promise<ProjectedRow[]> {
    return this.articleQueries.related(article, first, selectionOf(info), ctx.keys);
  }
}
