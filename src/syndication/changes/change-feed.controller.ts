import { Controller, Get, Query, Req } from '@nestjs/common';
import { toGlobalId } from '../../common/global-id.js';
import { parseInput } from '../../common/parse-input.js';
import { PartnerErrors } from '../partners/partner.exception.js';
import type { RequestWithPartner } from '../partners/partner-scope.js';
import { ChangeFeedService } from './change-feed.service.js';
import { changeFeedQuerySchema } from './change-feed.schema.js';
import { SyndicationArticleMapper } from './syndication-article.mapper.js';

// GET /syndication/changes?after=<cursor>&limit=<n> (`since` is the old name of `after`): the change
// feed for partners (the partner middleware has authenticated the key; anonymous callers are refused here).
@Controller('syndication')
export class ChangeFeedController {
  constructor(
    private readonly feed: ChangeFeedService,
    private readonly mapper: SyndicationArticleMapper,
  ) {}

  @Get('changes')
  async changes(@Req() req: RequestWithPartner, @Query() query: unknown) {
    const partner = req.partner;
    if (!partner) throw PartnerErrors.keyRequired();
    const { cursor, cursorPath, limit } = parseInput(changeFeedQuerySchema, query);
    const page = await this.feed.read(partner, cursor, limit ?? undefined, cursorPath);
    const articles = page.changes.flatMap((change) => change.article ?? []);
    const json = await this.mapper.toJson(articles, partner.fullText);
    return {
      changes: page.changes.map((change) => ({
        cursor: change.cursor,
        action: change.action,
        entityType: change.entityType,
        id: toGlobalId('Article', change.entityId),
        occurredAt: change.occurredAt,
        article: change.article ? json.get(change.article.id) : null,
      })),
      nextCursor: page.nextCursor,
      hasMore: page.hasMore,
    };
  }
}
