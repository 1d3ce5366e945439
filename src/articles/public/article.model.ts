import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AuthorModel } from '../../authors/public/author.model.js';
import { ArticleType } from '../../generated/prisma/client.js';
import { Node } from '../../graphql-types/node.interface.js';
import { JSONScalar } from '../../graphql-types/scalars/json.scalar.js';
import { connectionTypes } from '../../graphql-types/pagination/connection.model.js';
import { ImageModel } from '../../media/public/image.model.js';
import { SectionModel } from '../../sections/public/section.model.js';
import { SeriesModel } from '../../series/public/series.model.js';
import { TagModel } from '../../tags/public/tag.model.js';
import type { ArticleBody } from '../body/article-body.schema.js';

registerEnumType(ArticleType, { name: 'ArticleType', description: 'Kind of piece, shown in labels such as "Analysis | Africa"' });

// The public Article type. Values arrive as PostgreSQL built them (article.projection.ts): every field
// but relatedArticles is a plain property, so GraphQL resolves them without a resolver call each.
@ObjectType('Article', { implements: () => [Node], description: 'A published article' })
export class ArticleModel implements Node {
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

  @Field(() => String, { description: 'Kicker such as "Analysis | Africa"' })
  label!: string;

  @Field(() => String, { nullable: true, description: "The editor's teaser, else the start of the body" })
  teaser!: string | null;

  @Field(() => String, { description: 'Absolute URL on the public site' })
  url!: string;

  @Field(() => JSONScalar, { description: 'Structured body blocks (paragraph, heading, quote, list, image, embed)' })
  body!: ArticleBody;

  @Field(() => String, { description: 'The body as sanitised HTML; figures carry srcset, sizes, width and height' })
  bodyHtml!: string;

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

  @Field(() => String, { description: "BCP 47 language tag (en, pt-BR): the article's, else the publication's" })
  language!: string;

  @Field(() => [AuthorModel], { description: 'Bylines in order' })
  authors!: AuthorModel[];

  @Field(() => [TagModel])
  tags!: TagModel[];

  @Field(() => SectionModel, { nullable: true })
  section!: SectionModel | null;

  @Field(() => SeriesModel, { nullable: true })
  series!: SeriesModel | null;

  @Field(() => ImageModel, { nullable: true })
  featuredImage!: ImageModel | null;

  @Field(() => [ImageModel], {
    description: 'The media library images the body shows (image blocks carry their ids), for clients that render body JSON',
  })
  bodyImages!: ImageModel[];
}

export const { EdgeType: ArticleEdge, ConnectionType: ArticleConnection } = connectionTypes(ArticleModel, 'Article');
