import { el, serialise, xmlDocument } from '../xml-document.js';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

export interface SitemapEntry {
  readonly loc: string;
  /** Optional in the protocol: left out when unknown. */
  readonly lastModified?: Date | undefined;
}

export interface NewsSitemapEntry {
  readonly loc: string;
  readonly title: string;
  /** As Google News writes it (sitemap.service.ts newsLanguage): "pt", "zh-cn". */
  readonly language: string;
  readonly publishedAt: Date;
}

export function buildSitemapIndex(entries: readonly SitemapEntry[]): string {
  const doc = xmlDocument();
  const index = el(doc, 'sitemapindex', { xmlns: SITEMAP_NS });
  for (const entry of entries) {
    const sitemap = el(index, 'sitemap');
    el(sitemap, 'loc', {}, entry.loc);
    if (entry.lastModified) el(sitemap, 'lastmod', {}, entry.lastModified.toISOString());
  }
  return serialise(doc);
}

export function buildUrlSet(entries: readonly SitemapEntry[]): string {
  const doc = xmlDocument();
  const urlset = el(doc, 'urlset', { xmlns: SITEMAP_NS });
  for (const entry of entries) {
    const url = el(urlset, 'url');
    el(url, 'loc', {}, entry.loc);
    if (entry.lastModified) el(url, 'lastmod', {}, entry.lastModified.toISOString());
  }
  return serialise(doc);
}

// Google News sitemap, named after PUBLICATION_NAME, each article in its own language. A urlset needs
// one <url> at least: with no entries, `fallbackLoc` (the site's home page) is listed, untagged.
export function buildNewsSitemap(entries: readonly NewsSitemapEntry[], publicationName: string, fallbackLoc: string): string {
  const doc = xmlDocument();
  const urlset = el(doc, 'urlset', { xmlns: SITEMAP_NS, 'xmlns:news': NEWS_NS });
  if (entries.length === 0) el(el(urlset, 'url'), 'loc', {}, fallbackLoc);
  for (const entry of entries) {
    const url = el(urlset, 'url');
    el(url, 'loc', {}, entry.loc);
    const news = el(url, 'news:news');
    const pub = el(news, 'news:publication');
    el(pub, 'news:name', {}, publicationName);
    el(pub, 'news:language', {}, entry.language);
    el(news, 'news:publication_date', {}, entry.publishedAt.toISOString());
    el(news, 'news:title', {}, entry.title);
  }
  return serialise(doc);
}
