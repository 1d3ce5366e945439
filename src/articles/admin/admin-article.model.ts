import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { toGlobalId } from '../../common/global-id.js';
import { ArticleStatus, ArticleType, type Article, type ArticleRevision } from '../../generated/prisma/client.js';
import { connectionTypes } from '../../graphql/pagination/connection.model.js';
import { JSONScalar } from '../../graphql/scalars/json.scalar.js';
import type { ArticleContent } from '../editing/article-content.js';

registerEnumType(ArticleStatus, { name: 'ArticleStatus', description: 'DRAFT, SCHEDULED, PUBLISHED or ARCHIVED (unpublished)' });

const globalIdOrNull = (type: 'Section' | 'Series' | 'Image', id: string | null) => (id ? toGlobalId(type, id) : null);

@ObjectType('AdminArticle', { description: 'An article as editors see it: its working copy, status and version' })
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

  @Field()
  slug!: string;

  @Field()
  headline!: string;

  @Field(() => String, { nullable: true })
  dek!: string | null;

  @Field(() => JSONScalar, { description: 'Body blocks' })
  body!: unknown;

  @Field(() => String, { nullable: true, description: 'Editor-written teaser; the public API derives one when empty' })
  teaser!: string | null;

  @Field(() => ArticleType)
  type!: ArticleType;

  @Field(() => ID, { nullable: true })
  sectionId!: string | null;

  @Field(() => ID, { nullable: true })
  seriesId!: string | null;

  @Field(() => ID, { nullable: true })
  featuredImageId!: string | null;

  @Field(() => [ID], { description: 'Bylines in order' })
  authorIds!: string[];

  @Field(() => [ID])
  tagIds!: string[];

  @Field(() => String, { nullable: true })
  seoTitle!: string | null;

  @Field(() => String, { nullable: true })
  seoDescription!: string | null;

  @Field(() => String, { nullable: true })
  canonicalUrl!: string | null;

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

  static from(row: Article, content: ArticleContent): AdminArticleModel {
    return Object.assign(new AdminArticleModel(), {
      ...content,
      id: toGlobalId('Article', row.id),
      version: row.version,
      status: row.status,
      trashed: row.deletedAt !== null,
      hasPendingChanges: row.pendingChanges !== null,
      sectionId: globalIdOrNull('Section', content.sectionId),
      seriesId: globalIdOrNull('Series', content.seriesId),
      featuredImageId: globalIdOrNull('Image', content.featuredImageId),
      authorIds: content.authorIds.map((id) => toGlobalId('Author', id)),
      tagIds: content.tagIds.map((id) => toGlobalId('Tag', id)),
      publishedAt: row.publishedAt,
      scheduledAt: row.scheduledAt,
      createdById: row.createdById,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  }
}

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
