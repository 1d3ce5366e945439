import type { Type } from '@nestjs/common';
import { Args, Context, Info, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { AuthorModel } from '../../authors/public/author.model.js';
import type { Connection } from '../../common/pagination/connection.js';
import type { ProjectedRow } from '../../database/projection/projection.js';
import { toPageRequest } from '../../graphql-types/pagination/connection.args.js';
import type { PublicContext } from '../../graphql-types/public-context.js';
import { selectionOf } from '../../graphql-types/selection-of.js';
import { SectionModel } from '../../sections/public/section.model.js';
import { SeriesModel } from '../../series/public/series.model.js';
import { TagModel } from '../../tags/public/tag.model.js';
import { ArticleQueryService } from '../article-query.service.js';
import type { ArticleListFilter } from '../article-list.query.js';
import { NestedArticlesArgs } from './article-list.args.js';
import { ArticleConnection } from './article.model.js';

type OwnerSlug = 'authorSlug' | 'tagSlug' | 'sectionSlug' | 'seriesSlug';

// Author.articles, Tag.articles, Section.articles and Series.articles are answered here: articles know
// their authors, tags, section and series, and those know nothing of articles. One resolver class per
// owner type (Nest binds a resolver class to one type), made by one factory.
function articlesOf(owner: Type, filterKey: OwnerSlug, description: string): Type {
  @Resolver(() => owner)
  class OwnerArticlesResolver {
    constructor(readonly articleQueries: ArticleQueryService) {}

    @ResolveField(() => ArticleConnection, { description })
    articles(
      @Parent() parent: ProjectedRow,
      @Args() args: NestedArticlesArgs,
      @Info() info: GraphQLResolveInfo,
      @Context() ctx: PublicContext,
    ): Promise<Connection<ProjectedRow>> {
      const filter: ArticleListFilter = { [filterKey]: parent.slug as string };
      return this.articleQueries.list(
        filter,
        args.orderBy ?? 'NEWEST',
        toPageRequest(args),
        selectionOf(info, 'edges', 'node'),
        ctx.keys,
      );
    }
  }
  // A distinct name per owner, for Nest's logs and errors.
  Object.defineProperty(OwnerArticlesResolver, 'name', { value: `${owner.name.replace(/Model$/, '')}ArticlesResolver` });
  return OwnerArticlesResolver;
}

export const NESTED_ARTICLES_RESOLVERS: Type[] = [
  articlesOf(AuthorModel, 'authorSlug', 'Published articles by this author'),
  articlesOf(TagModel, 'tagSlug', 'Published articles with this tag'),
  articlesOf(SectionModel, 'sectionSlug', 'Published articles in this section'),
  articlesOf(SeriesModel, 'seriesSlug', 'Published articles in this series'),
];
