import { Args, Context, ID, Info, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { cacheControlFromInfo } from '@apollo/cache-control-types';
import type { GraphQLResolveInfo } from 'graphql';
import { Inject } from '@nestjs/common';
import { fromGlobalId } from '../../common/global-id.js';
import { articleUrl } from '../../common/site-urls.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { toPageRequest } from '../../graphql/pagination/connection.args.js';
import type { Connection } from '../../graphql/pagination/connection.model.js';
import type { PublicContext } from '../../graphql/public-context.js';
import { AuthorModel } from '../../authors/public/author.model.js';
import { ImageModel } from '../../media/public/image.model.js';
import { SectionModel } from '../../sections/public/section.model.js';
import { SeriesModel } from '../../series/public/series.model.js';
import { TagModel } from '../../tags/public/tag.model.js';
import { ArticleQueryService } from '../article-query.service.js';
import { ArticlePreviewService } from '../preview/article-preview.service.js';
import { renderBodyHtml } from '../body/article-body.renderer.js';
import { referencedImageIds } from '../body/article-body.images.js';
import { BodyImagesService } from '../../media/body-images.service.js';
import { deriveTeaser } from '../body/article-body.text.js';
import { ArticleConnection, ArticleModel } from './article.model.js';
import { ArticlesArgs, LatestArticlesArgs, toArticleListFilter, toLatestCount } from './articles.args.js';

const TYPE_LABELS: Record<ArticleModel['type'], string> = {
  NEWS: 'News',
  ANALYSIS: 'Analysis',
  OPINION: 'Opinion',
  BRIEF: 'Brief',
  FEATURE: 'Feature',
  INTERVIEW: 'Interview',
  EXPLAINER: 'Explainer',
  REVIEW: 'Review',
};

@Resolver(() => ArticleModel)
export class ArticleResolver {
  constructor(
    private readonly articleQueries: ArticleQueryService,
    private readonly previews: ArticlePreviewService,
    private readonly bodyImageViews: BodyImagesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
  ): Promise<ArticleModel | null> {
    if (!previewToken) return this.articleQueries.findBySlug(slug, ctx.keys);
    // Unpublished content must never sit in a shared cache.
    cacheControlFromInfo(info).setCacheHint({ maxAge: 0, scope: 'PRIVATE' });
    return this.previews.open(previewToken, slug);
  }

  @Query(() => ArticleConnection, { description: 'Published articles, filtered and paged by cursor' })
  articles(@Args() args: ArticlesArgs, @Context() ctx: PublicContext): Promise<Connection<ArticleModel>> {
    const filter = toArticleListFilter(args.filter);
    const order = args.orderBy ?? (filter.search ? 'RELEVANCE' : 'NEWEST');
    return this.articleQueries.list(filter, order, toPageRequest(args), ctx.keys);
  }

  @Query(() => [ArticleModel], { description: 'The newest published articles (the "Latest" list)' })
  latestArticles(@Args() args: LatestArticlesArgs, @Context() ctx: PublicContext): Promise<ArticleModel[]> {
    return this.articleQueries.latest(toLatestCount(args), ctx.keys);
  }

  @Query(() => [ArticleModel], { description: 'Articles related to one: shared tags first, then same section' })
  async relatedArticles(
    @Args('id', { type: () => ID, description: 'Article id' }) id: string,
    @Args() args: LatestArticlesArgs,
    @Context() ctx: PublicContext,
  ): Promise<ArticleModel[]> {
    const parsed = fromGlobalId(id);
    if (parsed?.type !== 'Article') return [];
    const [article] = await this.articleQueries.findByIds([parsed.id], ctx.keys);
    return article ? this.articleQueries.related(article, toLatestCount(args), ctx.keys) : [];
  }

  @ResolveField('relatedArticles', () => [ArticleModel])
  relatedOf(
    @Parent() article: ArticleModel,
    @Args() args: LatestArticlesArgs,
    @Context() ctx: PublicContext,
  ): Promise<ArticleModel[]> {
    return this.articleQueries.related(article, toLatestCount(args), ctx.keys);
  }

  @ResolveField(() => String, { description: 'Absolute URL on the public site' })
  async url(@Parent() article: ArticleModel, @Context() ctx: PublicContext): Promise<string> {
    const section = article.sectionId ? await ctx.loaders.sectionById.load(article.sectionId) : null;
    return articleUrl(this.config.site, { slug: article.slug, sectionSlug: section?.slug });
  }

  @ResolveField(() => String, { nullable: true, description: "The editor's teaser, else the start of the body" })
  teaser(@Parent() article: ArticleModel): string | null {
    return article.editorTeaser || deriveTeaser(article.body);
  }

  @ResolveField(() => String, { description: 'Kicker such as "Analysis | Africa"' })
  async label(@Parent() article: ArticleModel, @Context() ctx: PublicContext): Promise<string> {
    const section = article.sectionId ? await ctx.loaders.sectionById.load(article.sectionId) : null;
    return [TYPE_LABELS[article.type], section?.name].filter(Boolean).join(' | ');
  }

  // Figures show the referenced images as they are now (texts, size, renditions): one batched read.
  @ResolveField(() => String, { description: 'The body as sanitised HTML; figures carry srcset, sizes, width and height' })
  async bodyHtml(@Parent() article: ArticleModel, @Context() ctx: PublicContext): Promise<string> {
    const images = await this.bodyImages(article, ctx);
    return renderBodyHtml(article.body, {
      images: new Map(images.map((image) => [image.source.id, this.bodyImageViews.fromModel(image)])),
    });
  }

  @ResolveField(() => [ImageModel], {
    description: 'The media library images the body shows (image blocks carry their ids), for clients that render body JSON',
  })
  async bodyImages(@Parent() article: ArticleModel, @Context() ctx: PublicContext): Promise<ImageModel[]> {
    const ids = referencedImageIds(article.body);
    return ids.length ? present(await ctx.loaders.imageById.loadMany(ids)) : [];
  }

  @ResolveField(() => [AuthorModel], { description: 'Bylines in order' })
  async authors(@Parent() article: ArticleModel, @Context() ctx: PublicContext): Promise<AuthorModel[]> {
    if (!article.previewAuthorIds) return ctx.loaders.authorsByArticleId.load(article.rowId);
    return present(await ctx.loaders.authorById.loadMany(article.previewAuthorIds));
  }

  @ResolveField(() => [TagModel])
  async tags(@Parent() article: ArticleModel, @Context() ctx: PublicContext): Promise<TagModel[]> {
    if (!article.previewTagIds) return ctx.loaders.tagsByArticleId.load(article.rowId);
    return present(await ctx.loaders.tagById.loadMany(article.previewTagIds));
  }

  @ResolveField(() => SectionModel, { nullable: true })
  section(@Parent() article: ArticleModel, @Context() ctx: PublicContext): Promise<SectionModel | null> | null {
    return article.sectionId ? ctx.loaders.sectionById.load(article.sectionId) : null;
  }

  @ResolveField(() => SeriesModel, { nullable: true })
  series(@Parent() article: ArticleModel, @Context() ctx: PublicContext): Promise<SeriesModel | null> | null {
    return article.seriesId ? ctx.loaders.seriesById.load(article.seriesId) : null;
  }

  @ResolveField(() => ImageModel, { nullable: true })
  featuredImage(@Parent() article: ArticleModel, @Context() ctx: PublicContext): Promise<ImageModel | null> | null {
    return article.featuredImageId ? ctx.loaders.imageById.load(article.featuredImageId) : null;
  }
}

// Keeps the rows a batched load found (trashed or missing ones drop out), in the order asked.
function present<T>(rows: (T | null | Error)[]): T[] {
  return rows.filter((row): row is T => row !== null && !(row instanceof Error));
}
