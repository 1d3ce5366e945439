import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { expectGlobalId } from '../../common/global-id.js';
import { ValidInput } from '../../graphql-types/valid-input.decorator.js';
import type { z } from 'zod';
import type { Actor } from '../../access/actor.js';
import { CurrentActor } from '../../access/current-actor.decorator.js';
import { Requires } from '../../access/requires.decorator.js';
import { ConnectionArgs, toPageRequest } from '../../graphql-types/pagination/connection.args.js';
import type { Connection } from '../../common/pagination/connection.js';
import { ArticleEditorQueryService } from './article-editor-query.service.js';
import { ArticleRevisionService } from '../editing/article-revision.service.js';
import { ArticlePreviewService } from '../preview/article-preview.service.js';
import { ArticleRevisionComparisonModel, ArticleRevisionConnection, ArticleRevisionModel } from './admin-article.model.js';
import { CreatePreviewTokenInput, RestoreArticleRevisionInput } from './article-admin.inputs.js';
import { ArticlePayload, CreatePreviewTokenPayload } from './article-admin.payloads.js';
import { previewTokenSchema, restoreRevisionSchema } from './article-admin.schema.js';

@Resolver(() => ArticleRevisionModel)
export class ArticleRevisionAdminResolver {
  constructor(
    private readonly revisions: ArticleRevisionService,
    private readonly previews: ArticlePreviewService,
    private readonly queries: ArticleEditorQueryService,
  ) {}

  @Query(() => ArticleRevisionConnection, { description: "An article's saved versions, newest first" })
  @Requires('CONTRIBUTOR', 'see article history')
  async articleRevisions(
    @Args('id', { type: () => ID, description: 'Article id' }) id: string,
    @Args() args: ConnectionArgs,
    @CurrentActor() actor: Actor,
  ): Promise<Connection<ArticleRevisionModel>> {
    return this.queries.revisions(actor, expectGlobalId(id, 'Article'), toPageRequest(args));
  }

  @Query(() => ArticleRevisionComparisonModel, { description: 'Field-by-field differences between two versions' })
  @Requires('CONTRIBUTOR', 'see article history')
  async compareArticleRevisions(
    @Args('id', { type: () => ID }) id: string,
    @Args('fromVersion', { type: () => Int }) fromVersion: number,
    @Args('toVersion', { type: () => Int }) toVersion: number,
    @CurrentActor() actor: Actor,
  ): Promise<ArticleRevisionComparisonModel> {
    const comparison = await this.revisions.compare(actor, expectGlobalId(id, 'Article'), fromVersion, toVersion);
    return {
      from: ArticleRevisionModel.fromRow(comparison.from),
      to: ArticleRevisionModel.fromRow(comparison.to),
      changes: comparison.changes,
    };
  }

  @Mutation(() => ArticlePayload, { description: 'Brings back the content of an old version, as a new save' })
  @Requires('CONTRIBUTOR', 'edit articles')
  async restoreArticleRevision(
    @ValidInput(RestoreArticleRevisionInput, restoreRevisionSchema) input: z.output<typeof restoreRevisionSchema>,
    @CurrentActor() actor: Actor,
  ): Promise<ArticlePayload> {
    const article = await this.revisions.restore(actor, { ...input, message: input.revisionMessage });
    return { article: await this.queries.toModel(article) };
  }

  @Mutation(() => CreatePreviewTokenPayload, {
    description: 'A signed, expiring link token to read this unpublished version publicly',
  })
  @Requires('CONTRIBUTOR', 'preview articles')
  createPreviewToken(
    @ValidInput(CreatePreviewTokenInput, previewTokenSchema) input: z.output<typeof previewTokenSchema>,
    @CurrentActor() actor: Actor,
  ): Promise<CreatePreviewTokenPayload> {
    const { id, expiresInSeconds } = input;
    return this.previews.mint(actor, id, expiresInSeconds);
  }
}
