import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error.js';
import { articleUrl } from '../../common/site-urls.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { publisherName } from '../feed-item.mapper.js';
import { buildNewsSitemap, buildSitemapIndex, buildUrlSet } from './sitemap.builder.js';
import { SitemapRepository, type SitemapArticle } from './sitemap.repository.js';

// The protocol's limit per sitemap file.
export const SITEMAP_PAGE_SIZE = 50_000;
// Google News reads articles from the last two days only, at most 1,000 per sitemap.
const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
const NEWS_LIMIT = 1000;
// No language in the config; the demo publisher and the README are English.
const NEWS_LANGUAGE = 'en';

export interface SitemapResult {
  body: string;
  lastModified: Date | null;
}

// Sitemap files are linked under the public site's host (which proxies /sitemap.xml and /sitemaps/*
// here): the protocol only lets a sitemap list URLs on its own host.
@Injectable()
export class SitemapService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sitemaps: SitemapRepository,
  ) {}

  async index(): Promise<SitemapResult> {
    const pages = await this.sitemaps.pages(SITEMAP_PAGE_SIZE);
    // The index needs at least one sitemap to be valid, so an empty site still lists page 1.
    const entries = (pages.length ? pages : [{ page: 0, lastModified: new Date(0) }]).map((info) => ({
      loc: `${this.config.site.url}/sitemaps/articles-${info.page + 1}.xml`,
      lastModified: info.lastModified,
    }));
    return {
      body: buildSitemapIndex(entries),
      lastModified: newest(entries.map((e) => e.lastModified)),
    };
  }

  /** `number` is one-based, as in the file name. */
  async articles(number: number): Promise<SitemapResult> {
    const rows = await this.sitemaps.page(number - 1, SITEMAP_PAGE_SIZE);
    if (!rows.length && number > 1) throw new DomainError('NOT_FOUND', `No sitemap page ${number}`);
    const entries = rows.map((row) => ({ loc: this.urlOf(row), lastModified: row.updatedAt }));
    return {
      body: buildUrlSet(entries),
      lastModified: newest(entries.map((e) => e.lastModified)),
    };
  }

  async news(now = new Date()): Promise<SitemapResult> {
    const rows = await this.sitemaps.publishedSince(new Date(now.getTime() - NEWS_WINDOW_MS), NEWS_LIMIT);
    const entries = rows.map((row) => ({ loc: this.urlOf(row), title: row.headline, publishedAt: row.publishedAt }));
    const publication = { name: publisherName(this.config.site), language: NEWS_LANGUAGE };
    return {
      body: buildNewsSitemap(entries, publication),
      lastModified: newest(rows.map((row) => row.updatedAt)),
    };
  }

  private urlOf(row: SitemapArticle): string {
    return articleUrl(this.config.site, { slug: row.slug, sectionSlug: row.sectionSlug });
  }
}

function newest(dates: readonly Date[]): Date | null {
  return dates.reduce<Date | null>((max, date) => (max && max >= date ? max : date), null);
}
