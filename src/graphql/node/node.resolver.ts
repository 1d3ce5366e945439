import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import type DataLoader from 'dataloader';
import { fromGlobalId, type NodeType } from '../../common/global-id.js';
import type { PublicLoaders } from '../loaders/public-loaders.js';
import type { PublicContext } from '../public-context.js';
import { Node } from './node.interface.js';

const LOADER_BY_TYPE: Record<NodeType, (loaders: PublicLoaders) => DataLoader<string, Node | null>> = {
  Article: (loaders) => loaders.articleById,
  Author: (loaders) => loaders.authorById,
  Tag: (loaders) => loaders.tagById,
  Section: (loaders) => loaders.sectionById,
  Series: (loaders) => loaders.seriesById,
  Image: (loaders) => loaders.imageById,
};

@Resolver(() => Node)
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any published object by its id (Relay Object Identification)' })
  async node(@Args('id', { type: () => ID }) id: string, @Context() ctx: PublicContext): Promise<Node | null> {
    const parsed = fromGlobalId(id);
    if (!parsed) return null;
    return LOADER_BY_TYPE[parsed.type](ctx.loaders).load(parsed.id);
  }
}
