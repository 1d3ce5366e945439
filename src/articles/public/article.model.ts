import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { toGlobalId } from '../../common/global-id.js';
import { ArticleType } from '../../generated/prisma/client.js';
import type { PublicArticleRow as ArticleRow } from '../article.repository.js';
import { Node } from '../../graphql/node/node.interface.js';
import { JSONScalar } from '../../graphql/scalars/json.scalar.js';
import { connectionTypes } from '../../graphql/pagination/connection.model.js';
import type { ArticleBody } from '../body/article-body.schema.js';
import { analyseBody } from '../body/article-body.text.js';
import type { ArticleContent } from '../editing/article-content.js';

registerEnumType(ArticleType, { name: 'ArticleType', description: 'Kind of piece, shown in labels such as "Analysis | Africa"' });

@ObjectType('Article', { implements: () => [Node], description: 'A published article' })
export class ArticleModel implements Node {
  readonly nodeType = 'Article';
  // Internal keys for loaders; not part of the schema.
  rowId!: string;
  sectionId!: string | null;
  seriesId!: string | null;
  featuredImageId!: string | null;
  editorTeaser!: string | null;
  /** Set on previews of unpublished content, whose bylines and tags are not linked rows yet. */
  previewAuthorIds: string[] | undefined;
  previewTagIds: string[] | undefined;

  @Field(() => ID)
  id!: string;

  @Field({ description: 'Current URL slug; old slugs still resolve through article(slug:)' })
  slug!: string;

  @Field()
  headline!: string;

  @Field(() => String, { nullable: true, description: 'Standfirst under the headline' })
  dek!: string | null;

  @Field(() => ArticleType)
  type!: ArticleType;

  @Field(() => JSONScalar, { description: 'Structured body blocks (paragraph, heading, quote, list, image, embed)' })
  body!: ArticleBody;

  @Field()
  publishedAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => Int)
  wordCount!: number;

  @Field(() => Int)
  readingTimeMinutes!: number;

  @Field(() => String, { nullable: true })
  seoTitle!: string | null;

  @Field(() => String, { nullable: true })
  seoDescription!: string | null;

  @Field(() => String, { nullable: true, description: 'Canonical URL when the piece first ran elsewhere' })
  canonicalUrl!: string | null;

  /** A draft or pending version, for preview links: the editable content over the stored row. */
  static fromPreview(row: ArticleRow, content: ArticleContent): ArticleModel {
    const stats = analyseBody(content.body);
    return Object.assign(ArticleModel.fromRow(row), {
      ...content,
      editorTeaser: content.teaser,
      publishedAt: row.publishedAt ?? row.scheduledAt ?? row.updatedAt,
      wordCount: stats.wordCount,
      readingTimeMinutes: stats.readingTimeMinutes,
      previewAuthorIds: content.authorIds,
      previewTagIds: content.tagIds,
    });
  }

  static fromRow(row: ArticleRow): ArticleModel {
    return Object.assign(new ArticleModel(), {
      rowId: row.id,
      sectionId: row.sectionId,
      seriesId: row.seriesId,
      featuredImageId: row.featuredImageId,
      editorTeaser: row.teaser,
      id: toGlobalId('Article', row.id),
      slug: row.slug,
      headline: row.headline,
      dek: row.dek,
      type: row.type,
      body: row.body as unknown as ArticleBody,
      publishedAt: row.publishedAt!,
      // When the public text last changed, not the last (possibly unpublished) save.
      updatedAt: row.publicUpdatedAt,
      wordCount: row.wordCount,
      readingTimeMinutes: row.readingTimeMinutes,
      seoTitle: row.seoTitle,
      seoDescription: row.seoDescription,
      canonicalUrl: row.canonicalUrl,
    });
  }
}

export const { EdgeType: ArticleEdge, ConnectionType: ArticleConnection } = connectionTypes(ArticleModel, 'Article');
