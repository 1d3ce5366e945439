import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AdminArticleModel } from './admin-article.model.js';

@ObjectType('ArticlePayload', { description: 'The article after the change' })
export class ArticlePayload {
  @Field(() => AdminArticleModel)
  article!: AdminArticleModel;
}

@ObjectType('PurgeArticlePayload')
export class PurgeArticlePayload {
  @Field(() => ID, { description: 'The id of the article that no longer exists' })
  id!: string;
}

@ObjectType('CreatePreviewTokenPayload')
export class CreatePreviewTokenPayload {
  @Field({ description: 'Pass as article(slug:, previewToken:) on the public API' })
  token!: string;

  @Field()
  expiresAt!: Date;

  @Field(() => String, {
    nullable: true,
    description:
      "The front-end's preview page for this draft, token included (PREVIEW_URL_PATTERN); null when none is configured",
  })
  previewUrl!: string | null;
}
