import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('NewsletterRoundupArticle')
export class NewsletterRoundupArticleModel {
  @Field(() => ID, { description: 'Global id, as in the public API' })
  id!: string;

  @Field()
  headline!: string;

  @Field(() => String, { nullable: true })
  dek!: string | null;

  @Field(() => String, { nullable: true, description: "The editor's teaser, else the start of the body" })
  teaser!: string | null;

  @Field({ description: 'Absolute URL on the public site' })
  url!: string;

  @Field()
  publishedAt!: Date;

  @Field(() => [String], { description: 'Byline names in order' })
  authors!: string[];
}

@ObjectType('NewsletterRoundupSection')
export class NewsletterRoundupSectionModel {
  @Field(() => ID, { nullable: true, description: 'Global id of the section; null for articles without one' })
  id!: string | null;

  @Field()
  name!: string;

  @Field(() => [NewsletterRoundupArticleModel], { description: 'Newest first' })
  articles!: NewsletterRoundupArticleModel[];
}

@ObjectType('NewsletterRoundup', { description: 'The data of a round-up mail: what was published in a time range, by section' })
export class NewsletterRoundupModel {
  @Field()
  from!: Date;

  @Field()
  to!: Date;

  @Field(() => Int)
  articleCount!: number;

  @Field(() => [NewsletterRoundupSectionModel], { description: 'In display order; articles without a section last' })
  sections!: NewsletterRoundupSectionModel[];
}
