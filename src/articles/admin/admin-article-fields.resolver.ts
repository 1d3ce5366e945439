import { Inject } from '@nestjs/common';
import { Context, Mutation, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { BodyImagesService } from '../body/body-images.service.js';
import { fromGlobalId } from '../../common/global-id.js';
import { ValidInput } from '../../graphql-types/valid-input.decorator.js';
import type { z } from 'zod';
import type { Actor } from '../../access/actor.js';
import { CurrentActor } from '../../access/current-actor.decorator.js';
import { Requires } from '../../access/requires.decorator.js';
import type { AdminContext } from '../../access/admin-context.js';
import { AdminAuthorModel } from '../../authors/admin/admin-author.model.js';
import { AdminImageModel } from '../../media/admin/admin-image.model.js';
import { AdminSectionModel } from '../../sections/admin/admin-section.model.js';
import { AdminSeriesModel } from '../../series/admin/admin-series.model.js';
import { AdminTagModel } from '../../tags/admin/admin-tag.model.js';
import { renderBodyHtml } from '../body/article-body.renderer.js';
import { storedContentSchema } from '../editing/article-content.js';
import { ArticleEditorQueryService } from './article-editor-query.service.js';
import { ArticleEditorService } from '../editing/article-editor.service.js';
import { AdminArticleModel, type AdminArticleView } from './admin-article.model.js';
import { ArticlePayload } from './article-admin.payloads.js';
import { loadReferences } from './article-references.loader.js';
import { ArticleReferencesRepository } from './article-references.repository.js';
import { DiscardPendingChangesInput, discardPendingChangesSchema } from './article-studio.inputs.js';

@ObjectType('DiscardPendingChangesPayload')
class DiscardPendingChangesPayload extends ArticlePayload {}

// What an editing screen shows beside the ids: names of bylines, tags, section, series and image
// (batched per request), the working body as HTML (preview), and the slug history.
@Resolver(() => AdminArticleModel)
export class AdminArticleFieldsResolver {
  constructor(
    private readonly references: ArticleReferencesRepository,
    private readonly editor: ArticleEditorService,
    private readonly queries: ArticleEditorQueryService,
    private readonly bodyImages: BodyImagesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ResolveField(() => [AdminAuthorModel], { description: 'Bylines in order' })
  async authors(@Parent() article: AdminArticleView, @Context() ctx: AdminContext): Promise<AdminAuthorModel[]> {
    return (await loadReferences(ctx.req, this.references, 'authors', article.authorIds)).map(AdminAuthorModel.fromRow);
  }

  @ResolveField(() => [AdminTagModel], { description: 'Tags in order' })
  async tags(@Parent() article: AdminArticleView, @Context() ctx: AdminContext): Promise<AdminTagModel[]> {
    return (await loadReferences(ctx.req, this.references, 'tags', article.tagIds)).map(AdminTagModel.fromRow);
  }

  @ResolveField(() => AdminSectionModel, { nullable: true })
  async section(@Parent() article: AdminArticleView, @Context() ctx: AdminContext): Promise<AdminSectionModel | null> {
    const [row] = await loadReferences(ctx.req, this.references, 'sections', [article.sectionId]);
    return row ? AdminSectionModel.fromRow(row) : null;
  }

  @ResolveField(() => AdminSeriesModel, { nullable: true })
  async series(@Parent() article: AdminArticleView, @Context() ctx: AdminContext): Promise<AdminSeriesModel | null> {
    const [row] = await loadReferences(ctx.req, this.references, 'series', [article.seriesId]);
    return row ? AdminSeriesModel.fromRow(row) : null;
  }

  @ResolveField(() => AdminImageModel, { nullable: true })
  async featuredImage(@Parent() article: AdminArticleView, @Context() ctx: AdminContext): Promise<AdminImageModel | null> {
    const [row] = await loadReferences(ctx.req, this.references, 'images', [article.featuredImageId]);
    return row ? AdminImageModel.fromRow(row) : null;
  }

  // Rendered as a save would render it (the images it shows, the embed policy), never stored.
  @ResolveField(() => String, { description: 'The working body (pending changes included) as sanitised HTML, for previews' })
  async bodyHtml(@Parent() article: AdminArticleView): Promise<string> {
    const body = storedContentSchema.shape.body.parse(article.body);
    return renderBodyHtml(body, { embeds: this.config.embeds, images: await this.bodyImages.forBodies([body]) });
  }

  @ResolveField(() => [String], { description: 'Slugs it had before, newest first; they still lead to it' })
  previousSlugs(@Parent() article: AdminArticleView): Promise<string[]> {
    return this.references.formerSlugs(fromGlobalId(article.id)!.id);
  }

  @Mutation(() => DiscardPendingChangesPayload, {
    description: "Drops a live article's pending changes; the published text becomes the working copy again",
  })
  @Requires('CONTRIBUTOR', 'edit articles')
  async discardPendingChanges(
    @ValidInput(DiscardPendingChangesInput, discardPendingChangesSchema) input: z.output<typeof discardPendingChangesSchema>,
    @CurrentActor() actor: Actor,
  ): Promise<DiscardPendingChangesPayload> {
    const { id, expectedVersion } = input;
    const article = await this.editor.discardPending(actor, id, expectedVersion);
    return { article: await this.queries.toModel(article) };
  }
}
