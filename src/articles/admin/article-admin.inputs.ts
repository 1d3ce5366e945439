import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { declareContentFields } from '../editing/article-content.js';

// Editable fields, shared by create and update (declared from the one table, article-content.ts).
// Omitted: unchanged (update) or default (create); null clears an optional field.
@InputType({ isAbstract: true })
abstract class ArticleFieldsInput {
  @Field(() => String, { nullable: true, description: 'Note kept with the revision this save creates' })
  revisionMessage?: string | null;
}
declareContentFields(ArticleFieldsInput.prototype, 'input', ['headline']);

@InputType()
export class CreateArticleInput extends ArticleFieldsInput {
  @Field()
  headline!: string;
}

@InputType()
export class UpdateArticleInput extends ArticleFieldsInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version this edit was based on; a stale one gets CONFLICT' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  headline?: string | null;
}

@InputType()
export class ArticleIdInput {
  @Field(() => ID)
  id!: string;
}

@InputType()
export class PublishArticleInput extends ArticleIdInput {
  @Field(() => Int, { nullable: true, description: 'Publish only if nobody saved since this version' })
  expectedVersion?: number | null;
}

@InputType()
export class ScheduleArticleInput extends ArticleIdInput {
  @Field({ description: 'When it goes live by itself' })
  publishAt!: Date;
}

@InputType()
export class RestoreArticleRevisionInput extends ArticleIdInput {
  @Field(() => Int, { description: 'The version to bring back' })
  version!: number;

  @Field(() => Int)
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  revisionMessage?: string | null;
}

@InputType()
export class CreatePreviewTokenInput extends ArticleIdInput {
  @Field(() => Int, { nullable: true, description: 'Lifetime in seconds (default PREVIEW_TOKEN_TTL_SECONDS, at most 30 days)' })
  expiresInSeconds?: number | null;
}
