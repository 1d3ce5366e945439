import { Args, ArgsType, Field, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { expectGlobalId, toGlobalId } from '../../common/global-id.js';
import { ValidArgs, ValidInput } from '../../graphql-types/valid-input.decorator.js';
import type { z } from 'zod';
import { ArticleStatus, type Article } from '../../generated/prisma/client.js';
import type { Actor } from '../../access/actor.js';
import { CurrentActor } from '../../access/current-actor.decorator.js';
import { Requires } from '../../access/requires.decorator.js';
import { ConnectionArgs, toPageRequest } from '../../graphql-types/pagination/connection.args.js';
import type { Connection } from '../../common/pagination/connection.js';
import { ArticleEditorQueryService } from './article-editor-query.service.js';
import { ArticleEditorService, type SavedArticle } from '../editing/article-editor.service.js';
import { ArticlePublishingService } from '../editing/article-publishing.service.js';
import { AdminArticleConnection, AdminArticleModel } from './admin-article.model.js';
import {
  ArticleIdInput,
  CreateArticleInput,
  PublishArticleInput,
  ScheduleArticleInput,
  UpdateArticleInput,
} from './article-admin.inputs.js';
import { ArticlePayload, PurgeArticlePayload } from './article-admin.payloads.js';
import {
  adminArticleFilterSchema,
  articleIdSchema,
  type AdminArticleFilter,
  createArticleSchema,
  publishArticleSchema,
  scheduleArticleSchema,
  splitContent,
  updateArticleSchema,
} from './article-admin.schema.js';

@ArgsType()
class AdminArticlesArgs extends ConnectionArgs {
  @Field(() => ArticleStatus, { nullable: true })
  status?: ArticleStatus | null;

  @Field(() => Boolean, { nullable: true, description: 'List the trash instead' })
  trashed?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only articles I created (always so below editor)' })
  mine?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Words in the headline' })
  search?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this section (of the saved article, pending changes aside)' })
  sectionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only articles with this byline (pending changes aside)' })
  authorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only articles with this tag (pending changes aside)' })
  tagId?: string | null;
}

@Resolver(() => AdminArticleModel)
export class ArticleAdminResolver {
  constructor(
    private readonly editor: ArticleEditorService,
    private readonly publishing: ArticlePublishingService,
    private readonly queries: ArticleEditorQueryService,
  ) {}

  @Query(() => AdminArticleModel, { description: 'Any article you may see, in any state' })
  @Requires('CONTRIBUTOR', 'see articles')
  adminArticle(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<AdminArticleModel> {
    return this.queries.get(actor, expectGlobalId(id, 'Article'));
  }

  @Query(() => AdminArticleConnection, { description: 'Articles, most recently changed first' })
  @Requires('CONTRIBUTOR', 'see articles')
  adminArticles(
    @ValidArgs(AdminArticlesArgs, adminArticleFilterSchema) args: ConnectionArgs & AdminArticleFilter,
    @CurrentActor() actor: Actor,
  ): Promise<Connection<AdminArticleModel>> {
    const { status, trashed, mine, search, sectionId, authorId, tagId } = args;
    return this.queries.list(actor, { status, trashed, mine, search, sectionId, authorId, tagId }, toPageRequest(args));
  }

  @Mutation(() => ArticlePayload, { description: 'A new draft (contributors and above)' })
  @Requires('CONTRIBUTOR', 'write articles')
  async createArticle(
    @ValidInput(CreateArticleInput, createArticleSchema) input: z.output<typeof createArticleSchema>,
    @CurrentActor() actor: Actor,
  ): Promise<ArticlePayload> {
    const { message, changes } = splitContent(input);
    return this.payload(await this.editor.create(actor, changes, message));
  }

  @Mutation(() => ArticlePayload, { description: 'Saves changes made on expectedVersion; on a live article they stay pending' })
  @Requires('CONTRIBUTOR', 'edit articles')
  async updateArticle(
    @ValidInput(UpdateArticleInput, updateArticleSchema) input: z.output<typeof updateArticleSchema>,
    @CurrentActor() actor: Actor,
  ): Promise<ArticlePayload> {
    const { message, changes } = splitContent(input);
    const article = await this.editor.update(actor, {
      id: input.id,
      expectedVersion: input.expectedVersion,
      changes,
      message,
    });
    return this.payload(article);
  }

  @Mutation(() => ArticlePayload, {
    description: 'Makes a draft, scheduled or archived article live, or applies pending changes',
  })
  @Requires('AUTHOR', 'publish, schedule or unpublish articles')
  async publishArticle(
    @ValidInput(PublishArticleInput, publishArticleSchema) input: z.output<typeof publishArticleSchema>,
    @CurrentActor() actor: Actor,
  ): Promise<ArticlePayload> {
    const { id, expectedVersion } = input;
    return this.payload(await this.publishing.publish(actor, id, expectedVersion ?? undefined));
  }

  @Mutation(() => ArticlePayload, { description: 'The article goes live by itself at publishAt' })
  @Requires('AUTHOR', 'publish, schedule or unpublish articles')
  async scheduleArticle(
    @ValidInput(ScheduleArticleInput, scheduleArticleSchema) input: z.output<typeof scheduleArticleSchema>,
    @CurrentActor() actor: Actor,
  ): Promise<ArticlePayload> {
    const { id, publishAt } = input;
    return this.payload(await this.publishing.scheduleAt(actor, id, publishAt));
  }

  @Mutation(() => ArticlePayload, { description: 'Takes a live article down (ARCHIVED) or cancels a schedule (DRAFT)' })
  @Requires('AUTHOR', 'publish, schedule or unpublish articles')
  async unpublishArticle(
    @ValidInput(ArticleIdInput, articleIdSchema) input: z.output<typeof articleIdSchema>,
    @CurrentActor() actor: Actor,
  ): Promise<ArticlePayload> {
    const { id } = input;
    return this.payload(await this.publishing.unpublish(actor, id));
  }

  @Mutation(() => ArticlePayload, { description: 'Moves the article to the trash (restorable)' })
  @Requires('CONTRIBUTOR', 'trash articles')
  async trashArticle(
    @ValidInput(ArticleIdInput, articleIdSchema) input: z.output<typeof articleIdSchema>,
    @CurrentActor() actor: Actor,
  ): Promise<ArticlePayload> {
    const { id } = input;
    return this.payload(await this.editor.trash(actor, id));
  }

  @Mutation(() => ArticlePayload)
  @Requires('CONTRIBUTOR', 'restore articles')
  async restoreArticle(
    @ValidInput(ArticleIdInput, articleIdSchema) input: z.output<typeof articleIdSchema>,
    @CurrentActor() actor: Actor,
  ): Promise<ArticlePayload> {
    const { id } = input;
    return this.payload(await this.editor.restore(actor, id));
  }

  @Mutation(() => PurgeArticlePayload, { description: 'Deletes the article and its history for good (admins only)' })
  @Requires('ADMIN', 'permanently delete articles')
  async purgeArticle(
    @ValidInput(ArticleIdInput, articleIdSchema) input: z.output<typeof articleIdSchema>,
    @CurrentActor() actor: Actor,
  ): Promise<PurgeArticlePayload> {
    const { id } = input;
    await this.editor.purge(actor, id);
    return { id: toGlobalId('Article', id) };
  }

  private async payload(written: Article | SavedArticle): Promise<ArticlePayload> {
    return { article: await this.queries.toModel(written) };
  }
}
