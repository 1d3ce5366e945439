import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { FeedErrors } from '../feed.exception.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { sendCached } from '../cached-response.js';
import { articlesFileSchema } from './sitemap-route.schema.js';
import { SitemapService, type SitemapResult } from './sitemap.service.js';
import { CacheKeys } from '../../common/cache-keys.js';
import { ResponseKeys } from '../../common/response-keys.js';

const CONTENT_TYPE = 'application/xml; charset=utf-8';

// GET /sitemap.xml, /sitemaps/articles-<n>.xml and /sitemaps/news.xml. Sitemaps list public
// content only, so they are always publicly cacheable.
@Controller()
export class SitemapsController {
  constructor(
    private readonly sitemaps: SitemapService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('sitemap.xml')
  async index(@Req() req: Request, @Res() res: Response): Promise<void> {
    this.send(req, res, await this.sitemaps.index(ResponseKeys.of(req)));
  }

  @Get('sitemaps/news.xml')
  async news(@Req() req: Request, @Res() res: Response): Promise<void> {
    this.send(req, res, await this.sitemaps.news(ResponseKeys.of(req)));
  }

  @Get('sitemaps/:file')
  async articles(@Param('file') file: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const parsed = articlesFileSchema.safeParse(file);
    if (!parsed.success) throw FeedErrors.noSuchSitemap();
    this.send(req, res, await this.sitemaps.articles(parsed.data, ResponseKeys.of(req)));
  }

  // Every sitemap is tagged `sitemaps`, which any article change purges: sitemaps hold a URL and a date
  // per article, there are few of them and they are cheap to rebuild.
  private send(req: Request, res: Response, result: SitemapResult): void {
    ResponseKeys.of(req).add(CacheKeys.sitemaps);
    const reply = { ...result, contentType: CONTENT_TYPE, private: false };
    sendCached(req, res, reply, this.config.http.publicMaxAge);
  }
}
