import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { toGlobalId } from '../../common/global-id.js';
import { ArticleStatus, type Article, type ArticleRevision } from '../../generated/prisma/client.js';
import { connectionTypes } from '../../graphql-types/pagination/connection.model.js';
import { JSONScalar } from '../../graphql-types/scalars/json.scalar.js';
import { contentForAdmin, declareContentFields, type AdminContent, type ArticleContent } from '../editing/article-content.js';

registerEnumType(ArticleStatus, { name: 'ArticleStatus', description: 'DRAFT, SCHEDULED, PUBLISHED or ARCHIVED (unpublished)' });

@ObjectType('AdminArticle', { description: 'An article as editors see it: its working copy, status and version' })
// The editable fields (slug, headline, body, bylines...) are declared from the one table
// (article-content.ts) right after the class.
export class AdminArticleModel {
  @Field(() => ID, { description: 'Same id as in the public API' })
  id!: string;

  @Field(() => Int, { description: 'Send it back as expectedVersion with the next update' })
  version!: number;

  @Field(() => ArticleStatus)
  status!: ArticleStatus;

  @Field({ description: 'In the trash (invisible to the public, restorable)' })
  trashed!: boolean;

  @Field({ description: 'A live article has edits the public does not see until publishArticle' })
  hasPendingChanges!: boolean;

  @Field(() => Date, { nullable: true, description: 'Set by the first publish' })
  publishedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  scheduledAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The user who created it' })
  createdById!: string | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  static from(row: Article, content: ArticleContent): AdminArticleView {
    return Object.assign(new AdminArticleModel(), {
      ...contentForAdmin(content),
      id: toGlobalId('Article', row.id),
      version: row.version,
      status: row.status,
      trashed: row.deletedAt !== null,
      hasPendingChanges: row.pendingChanges !== null,
      publishedAt: row.publishedAt,
      scheduledAt: row.scheduledAt,
      createdById: row.createdById,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  }
}
declareContentFields(AdminArticleModel.prototype, 'output');

/** An AdminArticle with its content fields, as resolvers see it. */
export type AdminArticleView = AdminArticleModel & AdminContent;

@ObjectType('ArticleRevision', { description: 'A full snapshot of an article, saved by every change' })
export class ArticleRevisionModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The article version this save produced' })
  version!: number;

  @Field(() => String, { nullable: true })
  message!: string | null;

  @Field(() => ID, { nullable: true, description: 'The user who saved it' })
  createdById!: string | null;

  @Field(() => ID, { nullable: true, description: 'The API token used, if any' })
  createdByTokenId!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => JSONScalar, { description: 'status, publishedAt, scheduledAt and content (editable fields)' })
  snapshot!: unknown;

  static fromRow(row: ArticleRevision): ArticleRevisionModel {
    return Object.assign(new ArticleRevisionModel(), row);
  }
}

@ObjectType('ArticleFieldChange')
export class ArticleFieldChangeModel {
  @Field({ description: 'e.g. headline, body, tagIds' })
  field!: string;

  @Field(() => JSONScalar, { nullable: true })
  before!: unknown;

  @Field(() => JSONScalar, { nullable: true })
  after!: unknown;
}

@ObjectType('ArticleRevisionComparison')
export class ArticleRevisionComparisonModel {
  @Field(() => ArticleRevisionModel)
  from!: ArticleRevisionModel;

  @Field(() => ArticleRevisionModel)
  to!: ArticleRevisionModel;

  @Field(() => [ArticleFieldChangeModel], { description: 'Only the fields that differ' })
  changes!: ArticleFieldChangeModel[];
}

export const { ConnectionType: AdminArticleConnection } = connectionTypes(AdminArticleModel, 'AdminArticle');
export const { ConnectionType: ArticleRevisionConnection } = connectionTypes(ArticleRevisionModel, 'ArticleRevision');
