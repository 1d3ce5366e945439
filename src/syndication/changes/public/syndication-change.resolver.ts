import { Args, Context, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { toGlobalId, type NodeType } from '../../../common/global-id.js';
import { parseInput } from '../../../common/parse-input.js';
import { DEFAULT_PAGE_SIZE } from '../../../common/pagination/page-request.js';
import { markPrivate } from '../../../graphql-types/cache-policy.js';
import type { PublicContext } from '../../../graphql-types/public-context.js';
import { selectionOf } from '../../../graphql-types/selection-of.js';
import { PartnerAccessService } from '../../partners/partner-access.service.js';
import { PARTNER_KEY_HEADER } from '../../../common/http/partner-key.js';
import { PartnerErrors } from '../../partners/partner.exception.js';
import { ChangeFeedService } from '../change-feed.service.js';
import { changeFeedQuerySchema } from '../change-feed.schema.js';
import {
  SyndicationAction,
  SyndicationChangeConnection,
  SyndicationChangeModel,
  SyndicationChangesArgs,
} from './syndication-change.model.js';

@Resolver(() => SyndicationChangeModel)
export class SyndicationChangeResolver {
  constructor(
    private readonly access: PartnerAccessService,
    private readonly feed: ChangeFeedService,
  ) {}

  @Query(() => SyndicationChangeConnection, {
    description: 'The change feed, for syndication partners: send header X-Partner-Key. Same data as GET /syndication/changes',
  })
  async syndicationChanges(
    @Args() args: SyndicationChangesArgs,
    @Context() ctx: PublicContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SyndicationChangeConnection> {
    // Per partner and always fresh: never in a shared cache.
    markPrivate(ctx);
    const key = ctx.req.headers[PARTNER_KEY_HEADER];
    if (typeof key !== 'string' || key === '') throw PartnerErrors.keyRequired();
    const partner = await this.access.authenticate(key);
    const { cursor, cursorPath, limit } = parseInput(changeFeedQuerySchema, {
      after: args.after,
      since: args.since,
      limit: args.first,
    });
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
