import { Inject, Injectable } from '@nestjs/common';
import { FeedErrors } from '../feed.exception.js';
import { articleUrl } from '../../common/site-urls.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import type { ResponseKeys } from '../../common/response-keys.js';
import { buildNewsSitemap, buildSitemapIndex, buildUrlSet } from './sitemap.builder.js';
import { SitemapRepository, type SitemapArticle } from './sitemap.repository.js';

// The protocol's limit per sitemap file.
export const SITEMAP_PAGE_SIZE = 50_000;
// Google News reads articles from the last two days only, at most 1,000 per sitemap.
const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
const NEWS_LIMIT = 1000;

/** Google News wants an ISO 639 code, except for Chinese, where it tells zh-cn from zh-tw. */
export function newsLanguage(tag: string): string {
  const locale = new Intl.Locale(tag);
  if (locale.language !== 'zh') return locale.language;
  const traditional = locale.script === 'Hant' || ['TW', 'HK', 'MO'].includes(locale.region ?? '');
  return traditional ? 'zh-tw' : 'zh-cn';
}

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

  // The article pages, then the Google News sitemap (always listed: it is never empty, see news()).
  async index(keys: ResponseKeys): Promise<SitemapResult> {
    const pages = await this.sitemaps.pages(SITEMAP_PAGE_SIZE, keys);
    // The index needs at least one sitemap to be valid, so an empty site still lists page 1.
    const entries: { loc: string; lastModified?: Date }[] = (pages.length ? pages : [{ page: 0, lastModified: new Date(0) }]).map(
      (info) => ({ loc: `${this.config.site.url}/sitemaps/articles-${info.page + 1}.xml`, lastModified: info.lastModified }),
    );
    const news = await this.newsRows(new Date(), keys);
    entries.push({
      loc: `${this.config.site.url}/sitemaps/news.xml`,
      lastModified: newest(news.map((row) => row.updatedAt)) ?? undefined,
    });
    return {
      body: buildSitemapIndex(entries),
      lastModified: newest(entries.flatMap((e) => (e.lastModified ? [e.lastModified] : []))),
    };
  }

  /** `number` is one-based, as in the file name. */
  async articles(number: number, keys: ResponseKeys): Promise<SitemapResult> {
    const rows = await this.sitemaps.page(number - 1, SITEMAP_PAGE_SIZE, keys);
    if (!rows.length && number > 1) throw FeedErrors.sitemapPageNotFound(number);
    const entries = rows.map((row) => ({ loc: this.urlOf(row), lastModified: row.updatedAt }));
    // A urlset needs one <url>: a site without articles lists its home page.
    return {
      body: buildUrlSet(entries.length ? entries : [{ loc: `${this.config.site.url}/` }]),
      lastModified: newest(entries.map((e) => e.lastModified)),
    };
  }

  // A urlset must hold at least one <url> (sitemaps.org XSD). With nothing published in the last two
  // days, the newest article stands in (Google News ignores it as too old), and on a site without any
  // article, its home page, without news tags.
  async news(keys: ResponseKeys, now = new Date()): Promise<SitemapResult> {
    const rows = await this.newsRows(now, keys);
    const { name, language } = this.config.publication;
    const entries = rows.map((row) => ({
      loc: this.urlOf(row),
      title: row.headline,
      language: newsLanguage(row.language ?? language),
      publishedAt: row.publishedAt,
    }));
    return {
      body: buildNewsSitemap(entries, name, `${this.config.site.url}/`),
      lastModified: newest(rows.map((row) => row.updatedAt)),
    };
  }

  private async newsRows(now: Date, keys: ResponseKeys): Promise<SitemapArticle[]> {
    const recent = await this.sitemaps.publishedSince(new Date(now.getTime() - NEWS_WINDOW_MS), NEWS_LIMIT, keys);
    return recent.length ? recent : this.sitemaps.publishedSince(new Date(0), 1, keys);
  }

  private urlOf(row: SitemapArticle): string {
    return articleUrl(this.config.site, { slug: row.slug, sectionSlug: row.sectionSlug });
  }
}

function newest(dates: readonly Date[]): Date | null {
  return dates.reduce<Date | null>((max, date) => (max && max >= date ? max : date), null);
}
