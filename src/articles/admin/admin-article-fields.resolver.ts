import { Args, Context, Mutation, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { fromGlobalId } from '../../common/global-id.js';
import { parseInput } from '../../common/parse-input.js';
import type { AdminContext } from '../../graphql/admin-context.js';
import { AdminAuthorModel } from '../../authors/admin/admin-author.model.js';
import { AdminImageModel } from '../../media/admin/admin-image.model.js';
import { AdminSectionModel } from '../../sections/admin/admin-section.model.js';
import { AdminSeriesModel } from '../../series/admin/admin-series.model.js';
import { AdminTagModel } from '../../tags/admin/admin-tag.model.js';
import { renderBodyHtml } from '../body/article-body.renderer.js';
import { storedContentSchema } from '../editing/article-content.js';
import { ArticleAdminQueryService } from '../editing/article-admin-query.service.js';
import { ArticleEditorService } from '../editing/article-editor.service.js';
import { AdminArticleModel } from './admin-article.model.js';
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
    private readonly queries: ArticleAdminQueryService,
  ) {}

  @ResolveField(() => [AdminAuthorModel], { description: 'Bylines in order' })
  async authors(@Parent() article: AdminArticleModel, @Context() ctx: AdminContext): Promise<AdminAuthorModel[]> {
    return (await loadReferences(ctx.req, this.references, 'authors', article.authorIds)).map(AdminAuthorModel.fromRow);
  }

  @ResolveField(() => [AdminTagModel], { description: 'Tags in order' })
  async tags(@Parent() article: AdminArticleModel, @Context() ctx: AdminContext): Promise<AdminTagModel[]> {
    return (await loadReferences(ctx.req, this.references, 'tags', article.tagIds)).map(AdminTagModel.fromRow);
  }

  @ResolveField(() => AdminSectionModel, { nullable: true })
  async section(@Parent() article: AdminArticleModel, @Context() ctx: AdminContext): Promise<AdminSectionModel | null> {
    const [row] = await loadReferences(ctx.req, this.references, 'sections', [article.sectionId]);
    return row ? AdminSectionModel.fromRow(row) : null;
  }

  @ResolveField(() => AdminSeriesModel, { nullable: true })
  async series(@Parent() article: AdminArticleModel, @Context() ctx: AdminContext): Promise<AdminSeriesModel | null> {
    const [row] = await loadReferences(ctx.req, this.references, 'series', [article.seriesId]);
    return row ? AdminSeriesModel.fromRow(row) : null;
  }

  @ResolveField(() => AdminImageModel, { nullable: true })
  async featuredImage(@Parent() article: AdminArticleModel, @Context() ctx: AdminContext): Promise<AdminImageModel | null> {
    const [row] = await loadReferences(ctx.req, this.references, 'images', [article.featuredImageId]);
    return row ? AdminImageModel.fromRow(row) : null;
  }

  @ResolveField(() => String, { description: 'The working body (pending changes included) as sanitised HTML, for previews' })
  bodyHtml(@Parent() article: AdminArticleModel): string {
    return renderBodyHtml(storedContentSchema.shape.body.parse(article.body));
  }

  @ResolveField(() => [String], { description: 'Slugs it had before, newest first; they still lead to it' })
  previousSlugs(@Parent() article: AdminArticleModel): Promise<string[]> {
    return this.references.formerSlugs(fromGlobalId(article.id)!.id);
  }

  @Mutation(() => DiscardPendingChangesPayload, {
    description: "Drops a live article's pending changes; the published text becomes the working copy again",
  })
  async discardPendingChanges(
    @Args('input') input: DiscardPendingChangesInput,
    @Context() ctx: AdminContext,
  ): Promise<DiscardPendingChangesPayload> {
    const { id, expectedVersion } = parseInput(discardPendingChangesSchema, input, ['input']);
    const article = await this.editor.discardPending(ctx.actor, id, expectedVersion);
    return { article: await this.queries.toModel(article) };
  }
}
