import { Args, Context, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Connection } from '../../common/pagination/connection.js';
import type { ProjectedRow } from '../../database/projection/projection.js';
import { ConnectionArgs, toPageRequest } from '../../graphql-types/pagination/connection.args.js';
import { connectionTypes } from '../../graphql-types/pagination/connection.model.js';
import type { PublicContext } from '../../graphql-types/public-context.js';
import { selectionOf } from '../../graphql-types/selection-of.js';
import { AuthorQueryService } from '../author-query.service.js';
import { AuthorModel } from './author.model.js';

export const { ConnectionType: AuthorConnection } = connectionTypes(AuthorModel, 'Author');

@Resolver(() => AuthorModel)
export class AuthorResolver {
  constructor(private readonly authorQueries: AuthorQueryService) {}

  @Query(() => AuthorConnection, { description: 'Authors in alphabetical order' })
  authors(
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: PublicContext,
  ): Promise<Connection<ProjectedRow>> {
    return this.authorQueries.listByName(toPageRequest(args), selectionOf(info, 'edges', 'node'), ctx.keys);
  }

  @Query(() => AuthorModel, { nullable: true })
  author(
    @Args('slug') slug: string,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: PublicContext,
  ): Promise<ProjectedRow | null> {
    return this.authorQueries.findBySlug(slug, selectionOf(info), ctx.keys);
  }
}
