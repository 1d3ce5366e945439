import { Args, ArgsType, Context, Field, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { expectGlobalId, toGlobalId } from '../../common/global-id.js';
import { parseInput } from '../../common/parse-input.js';
import { ArticleStatus, type Article } from '../../generated/prisma/client.js';
import type { AdminContext } from '../../auth/admin-context.js';
import { ConnectionArgs, toPageRequest } from '../../graphql-types/pagination/connection.args.js';
import type { Connection } from '../../common/pagination/connection.js';
import { ArticleAdminQueryService } from './article-admin-query.service.js';
import { ArticleEditorService } from '../editing/article-editor.service.js';
import { ArticleWorkflowService } from '../editing/article-workflow.service.js';
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
    private readonly workflow: ArticleWorkflowService,
    private readonly queries: ArticleAdminQueryService,
  ) {}

  @Query(() => AdminArticleModel, { description: 'Any article you may see, in any state' })
  adminArticle(@Args('id', { type: () => ID }) id: string, @Context() ctx: AdminContext): Promise<AdminArticleModel> {
    return this.queries.get(ctx.actor, expectGlobalId(id, 'Article'));
  }

  @Query(() => AdminArticleConnection, { description: 'Articles, most recently changed first' })
  adminArticles(@Args() args: AdminArticlesArgs, @Context() ctx: AdminContext): Promise<Connection<AdminArticleModel>> {
    const filter = parseInput(adminArticleFilterSchema, {
      status: args.status,
      trashed: args.trashed,
      mine: args.mine,
      search: args.search,
      sectionId: args.sectionId,
      authorId: args.authorId,
      tagId: args.tagId,
    });
    return this.queries.list(ctx.actor, filter, toPageRequest(args));
  }

  @Mutation(() => ArticlePayload, { description: 'A new draft (contributors and above)' })
  async createArticle(@Args('input') input: CreateArticleInput, @Context() ctx: AdminContext): Promise<ArticlePayload> {
    const { message, changes } = splitContent(parseInput(createArticleSchema, input, ['input']));
    return this.payload(await this.editor.create(ctx.actor, changes, message));
  }

  @Mutation(() => ArticlePayload, { description: 'Saves changes made on expectedVersion; on a live article they stay pending' })
  async updateArticle(@Args('input') input: UpdateArticleInput, @Context() ctx: AdminContext): Promise<ArticlePayload> {
    const parsed = parseInput(updateArticleSchema, input, ['input']);
    const { message, changes } = splitContent(parsed);
    const article = await this.editor.update(ctx.actor, {
      id: parsed.id,
      expectedVersion: parsed.expectedVersion,
      changes,
      message,
    });
    return this.payload(article);
  }

  @Mutation(() => ArticlePayload, {
    description: 'Makes a draft, scheduled or archived article live, or applies pending changes',
  })
  async publishArticle(@Args('input') input: PublishArticleInput, @Context() ctx: AdminContext): Promise<ArticlePayload> {
    const { id, expectedVersion } = parseInput(publishArticleSchema, input, ['input']);
    return this.payload(await this.workflow.publish(ctx.actor, id, expectedVersion ?? undefined));
  }

  @Mutation(() => ArticlePayload, { description: 'The article goes live by itself at publishAt' })
  async scheduleArticle(@Args('input') input: ScheduleArticleInput, @Context() ctx: AdminContext): Promise<ArticlePayload> {
    const { id, publishAt } = parseInput(scheduleArticleSchema, input, ['input']);
    return this.payload(await this.workflow.scheduleAt(ctx.actor, id, publishAt));
  }

  @Mutation(() => ArticlePayload, { description: 'Takes a live article down (ARCHIVED) or cancels a schedule (DRAFT)' })
  async unpublishArticle(@Args('input') input: ArticleIdInput, @Context() ctx: AdminContext): Promise<ArticlePayload> {
    const { id } = parseInput(articleIdSchema, input, ['input']);
    return this.payload(await this.workflow.unpublish(ctx.actor, id));
  }

  @Mutation(() => ArticlePayload, { description: 'Moves the article to the trash (restorable)' })
  async trashArticle(@Args('input') input: ArticleIdInput, @Context() ctx: AdminContext): Promise<ArticlePayload> {
    const { id } = parseInput(articleIdSchema, input, ['input']);
    return this.payload(await this.editor.trash(ctx.actor, id));
  }

  @Mutation(() => ArticlePayload)
  async restoreArticle(@Args('input') input: ArticleIdInput, @Context() ctx: AdminContext): Promise<ArticlePayload> {
    const { id } = parseInput(articleIdSchema, input, ['input']);
    return this.payload(await this.editor.restore(ctx.actor, id));
  }

  @Mutation(() => PurgeArticlePayload, { description: 'Deletes the article and its history for good (admins only)' })
  async purgeArticle(@Args('input') input: ArticleIdInput, @Context() ctx: AdminContext): Promise<PurgeArticlePayload> {
    const { id } = parseInput(articleIdSchema, input, ['input']);
    await this.editor.purge(ctx.actor, id);
    return { id: toGlobalId('Article', id) };
  }

  private async payload(article: Article): Promise<ArticlePayload> {
    return { article: await this.queries.toModel(article) };
  }
}
