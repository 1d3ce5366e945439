import { Controller, Get, Query, Req } from '@nestjs/common';
import { toGlobalId, type NodeType } from '../../common/global-id.js';
import { parseInput } from '../../common/parse-input.js';
import { PartnerErrors } from '../partners/partner.exception.js';
import type { RequestWithPartner } from '../partners/partner-scope.js';
import { ChangeFeedService } from './change-feed.service.js';
import { changeFeedQuerySchema } from './change-feed.schema.js';
import { partnerArticle } from '../../articles/public-article.js';

// GET /syndication/changes?after=<cursor>&limit=<n> (`since` is the old name of `after`): the change
// feed for partners (the partner middleware has authenticated the key; anonymous callers are refused here).
@Controller('syndication')
export class ChangeFeedController {
  constructor(private readonly feed: ChangeFeedService) {}

  @Get('changes')
  async changes(@Req() req: RequestWithPartner, @Query() query: unknown) {
    const partner = req.partner;
    if (!partner) throw PartnerErrors.keyRequired();
    const { cursor, cursorPath, limit } = parseInput(changeFeedQuerySchema, query);
    // The article as the public API shows it; the body only for full-text partners.
    const page = await this.feed.read(partner, cursor, partnerArticle(partner.fullText), limit ?? undefined, cursorPath);
    return {
      changes: page.changes.map((change) => ({
        cursor: change.cursor,
        action: change.action,
        entityType: change.entityType,
        id: toGlobalId(change.entityType as NodeType, change.entityId),
        occurredAt: change.occurredAt,
        article: change.article,
      })),
      nextCursor: page.nextCursor,
      hasMore: page.hasMore,
    };
  }
}
