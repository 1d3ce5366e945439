import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { ArticleType } from '../../generated/prisma/client.js';
import { ConnectionArgs } from '../../graphql-types/pagination/connection.args.js';
import type { ArticleOrder } from '../article-list.query.js';

export const ArticleOrderBy = { NEWEST: 'NEWEST', OLDEST: 'OLDEST', RELEVANCE: 'RELEVANCE' } as const satisfies Record<
  ArticleOrder,
  ArticleOrder
>;
registerEnumType(ArticleOrderBy, {
  name: 'ArticleOrderBy',
  description:
    'NEWEST by publication date (default), OLDEST, or RELEVANCE to filter.search (which ranks the 1,000 newest matches)',
});

@InputType({ description: 'All given conditions must hold' })
export class ArticleFilter {
  @Field(() => String, { nullable: true, description: 'Tag slug, e.g. "mali"' })
  tag?: string | null;

  @Field(() => String, { nullable: true, description: 'Section slug, e.g. "africa"' })
  section?: string | null;

  @Field(() => String, { nullable: true, description: 'Series slug, e.g. "diplomacy-watch"' })
  series?: string | null;

  @Field(() => String, { nullable: true, description: 'Author slug' })
  author?: string | null;

  @Field(() => ArticleType, { nullable: true })
  type?: ArticleType | null;

  @Field(() => String, {
    nullable: true,
    description: 'Full-text search over headline, dek, body and tags (web-search syntax: "quoted phrases", -exclude, or)',
  })
  search?: string | null;
}

@ArgsType()
export class ArticlesArgs extends ConnectionArgs {
  @Field(() => ArticleFilter, { nullable: true })
  filter?: ArticleFilter | null;

  @Field(() => ArticleOrderBy, { nullable: true, description: 'Defaults to RELEVANCE with a search, else NEWEST' })
  orderBy?: ArticleOrder | null;
}

@ArgsType()
export class LatestArticlesArgs {
  @Field(() => Int, { defaultValue: 10, description: 'At most 50' })
  first!: number;
}

@ArgsType()
export class RelatedArticlesArgs extends LatestArticlesArgs {
  @Field(() => ID, { description: 'Article id' })
  id!: string;
}
