import { Args, Context, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Connection } from '../../common/pagination/connection.js';
import type { ProjectedRow } from '../../database/projection/projection.js';
import { ConnectionArgs, toPageRequest } from '../../graphql-types/pagination/connection.args.js';
import { connectionTypes } from '../../graphql-types/pagination/connection.model.js';
import type { PublicContext } from '../../graphql-types/public-context.js';
import { selectionOf } from '../../graphql-types/selection-of.js';
import { TagQueryService } from '../tag-query.service.js';
import { TagModel } from './tag.model.js';

export const { ConnectionType: TagConnection } = connectionTypes(TagModel, 'Tag');

@Resolver(() => TagModel)
export class TagResolver {
  constructor(private readonly tagQueries: TagQueryService) {}

  @Query(() => TagConnection, { description: 'Tags in alphabetical order' })
  tags(
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: PublicContext,
  ): Promise<Connection<ProjectedRow>> {
    return this.tagQueries.listByName(toPageRequest(args), selectionOf(info, 'edges', 'node'), ctx.keys);
  }

  @Query(() => TagModel, { nullable: true })
  tag(@Args('slug') slug: string, @Info() info: GraphQLResolveInfo, @Context() ctx: PublicContext): Promise<ProjectedRow | null> {
    return this.tagQueries.findBySlug(slug, selectionOf(info), ctx.keys);
  }
}
