import { ArgsType, Field, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { z } from 'zod';
import { parseInput } from '../../common/parse-input.js';
import { ArticleType } from '../../generated/prisma/client.js';
import { ConnectionArgs } from '../../graphql-types/pagination/connection.args.js';
import type { ArticleListFilter, ArticleOrder } from '../article-list.query.js';

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

const slug = z.string().trim().min(1).max(200);
const filterSchema = z.object({
  tag: slug.nullish(),
  section: slug.nullish(),
  series: slug.nullish(),
  author: slug.nullish(),
  type: z.enum(ArticleType).nullish(),
  search: z.string().trim().min(1, 'must not be empty').max(200).nullish(),
});

export function toArticleListFilter(filter: ArticleFilter | null | undefined): ArticleListFilter {
  const parsed = parseInput(filterSchema, filter ?? {}, ['filter']);
  return {
    tagSlug: parsed.tag ?? undefined,
    sectionSlug: parsed.section ?? undefined,
    seriesSlug: parsed.series ?? undefined,
    authorSlug: parsed.author ?? undefined,
    type: parsed.type ?? undefined,
    search: parsed.search ?? undefined,
  };
}

export function toLatestCount(args: LatestArticlesArgs): number {
  return parseInput(z.number().int().min(1).max(50), args.first, ['first']);
}
