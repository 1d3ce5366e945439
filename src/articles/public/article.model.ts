import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AuthorModel } from '../../authors/public/author.model.js';
import { ArticleType } from '../../generated/prisma/client.js';
import { Node } from '../../graphql-types/node.interface.js';
import { connectionTypes } from '../../graphql-types/pagination/connection.model.js';
import { ImageModel } from '../../media/public/image.model.js';
import { SectionModel } from '../../sections/public/section.model.js';
import { SeriesModel } from '../../series/public/series.model.js';
import { TagModel } from '../../tags/public/tag.model.js';
import { PUBLIC_ARTICLE_FIELDS, type PublicFieldSpec } from '../public-article-fields.js';

registerEnumType(ArticleType, { name: 'ArticleType', description: 'Kind of piece, shown in labels such as "Analysis | Africa"' });

// The public Article type. Values arrive as PostgreSQL built them (article.projection.ts): every field
// but relatedArticles is a plain property, so GraphQL resolves them without a resolver call each. The
// plain fields (headline, dek, url...) are declared from their table (public-article-fields.ts) right
// after the class; the relations here.
@ObjectType('Article', { implements: () => [Node], description: 'A published article' })
export class ArticleModel implements Node {
  @Field(() => ID)
  id!: string;

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

for (const [name, spec] of Object.entries(PUBLIC_ARTICLE_FIELDS) as [string, PublicFieldSpec][]) {
  Field(spec.graphql, { nullable: spec.value.safeParse(null).success, description: spec.description })(
    ArticleModel.prototype,
    name,
  );
}

export const { EdgeType: ArticleEdge, ConnectionType: ArticleConnection } = connectionTypes(ArticleModel, 'Article');
