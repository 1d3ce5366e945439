import { UseGuards } from '@nestjs/common';
import { Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { toGlobalId, type NodeType } from '../../../common/global-id.js';
import { DEFAULT_PAGE_SIZE } from '../../../common/pagination/page-request.js';
import { selectionOf } from '../../../graphql-types/selection-of.js';
import { ValidArgs } from '../../../graphql-types/valid-input.decorator.js';
import { CurrentPartner } from '../../partners/current-partner.decorator.js';
import { PartnerKeyGuard } from '../../partners/partner-key.guard.js';
import type { PartnerScope } from '../../partners/partner-scope.js';
import { ChangeFeedService } from '../change-feed.service.js';
import { changeFeedArgsSchema, type ChangeFeedPage } from '../change-feed.schema.js';
import {
  SyndicationAction,
  SyndicationChangeConnection,
  SyndicationChangeModel,
  SyndicationChangesArgs,
} from './syndication-change.model.js';

@Resolver(() => SyndicationChangeModel)
export class SyndicationChangeResolver {
  constructor(private readonly feed: ChangeFeedService) {}

  @Query(() => SyndicationChangeConnection, {
    description: 'The change feed, for syndication partners: send header X-Partner-Key. Same data as GET /syndication/changes',
  })
  // The guard checks the key (and marks the response private) before the arguments are parsed.
  @UseGuards(PartnerKeyGuard)
  async syndicationChanges(
    @ValidArgs(SyndicationChangesArgs, changeFeedArgsSchema) { cursor, cursorPath, limit }: ChangeFeedPage,
    @CurrentPartner() partner: PartnerScope,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SyndicationChangeConnection> {
    // The complexity plugin prices an unsized connection at the default page size: keep to it.
    const selection = selectionOf(info, 'edges', 'node', 'article');
    const page = await this.feed.read(partner, cursor, selection, limit ?? DEFAULT_PAGE_SIZE, cursorPath);
    const edges = page.changes.map((change) => ({
      cursor: change.cursor,
      node: {
        id: change.cursor,
        action: change.action as SyndicationAction,
        entityType: change.entityType,
        entityId: toGlobalId(change.entityType as NodeType, change.entityId),
        occurredAt: change.occurredAt,
        article: change.article,
      },
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage: page.hasMore,
        hasPreviousPage: cursor != null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: page.nextCursor,
      },
    };
  }
}
