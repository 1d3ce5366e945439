import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ResponseKeys } from '../common/response-keys.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import type { RequestWithPartner } from '../syndication/partners/partner-scope.js';
import { PARTNER_KEY_HEADER } from '../common/http/partner-key.js';
import { answeredNotModified, isConditionalRequest, sendCached } from './cached-response.js';
import { parseFeedParams, siteFeedParamsSchema, subjectFeedParamsSchema } from './feed-route.schema.js';
import { feedContentType, serialiseFeed } from './feed.serialiser.js';
import { FeedService, type FeedSubject } from './feed.service.js';
import type { FeedFormat } from './feed-item.js';

type FeedRequest = Request & RequestWithPartner;

// GET /feeds/{rss.xml,atom.xml,feed.json} and /feeds/{tags,sections,series,authors}/:slug/<same>.
// req.partner is set by the partner middleware when a key was presented; without one this is the
// public feed, with full content.
@Controller('feeds')
export class FeedsController {
  constructor(
    private readonly feeds: FeedService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':file')
  async site(@Param() params: unknown, @Req() req: FeedRequest, @Res() res: Response): Promise<void> {
    const { file } = parseFeedParams(siteFeedParamsSchema, params);
    await this.respond({ kind: 'site' }, file, req, res);
  }

  @Get(':kind/:slug/:file')
  async subject(@Param() params: unknown, @Req() req: FeedRequest, @Res() res: Response): Promise<void> {
    const { kind, slug, file } = parseFeedParams(subjectFeedParamsSchema, params);
    await this.respond({ kind, slug }, file, req, res);
  }

  private async respond(subject: FeedSubject, format: FeedFormat, req: FeedRequest, res: Response): Promise<void> {
    const keys = ResponseKeys.of(req);
    const maxAge = this.config.http.publicMaxAge;
    const scope = { contentType: feedContentType(format), private: req.partner !== undefined };
    // The same URL answers differently with a partner key, so a shared cache must key on it.
    res.vary(PARTNER_KEY_HEADER);
    // A reader polling with the ETag it has is answered before any body is read or serialised.
    if (isConditionalRequest(req)) {
      const validators = await this.feeds.validators(subject, req.partner, format, keys);
      if (answeredNotModified(req, res, { ...scope, ...validators }, maxAge)) return;
    }
    const { feed, etag } = await this.feeds.build(subject, req.partner, format, keys);
    const { body } = serialiseFeed(feed, format);
    sendCached(req, res, { ...scope, body, etag, lastModified: feed.updatedAt }, maxAge);
  }
}
