import { ResponseKeys } from '../../../src/common/response-keys.js';
import { SitemapRepository } from '../../../src/feeds/sitemaps/sitemap.repository.js';
import type { Article } from '../../../src/generated/prisma/client.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { parseXml, validateSitemap } from '../../utils/feed-parsing.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

const HOUR = 60 * 60 * 1000;
const HOSTILE = `Q&A: <"war"> 'and' ]]> peace 🕊️ \u0001now &amp;`;

describe('sitemaps', () => {
  let t: TestApp;
  let factory: ContentFactory;
  let recent: Article;
  let old: Article;
  const hidden: Article[] = [];

  beforeAll(async () => {
    t = await createTestApp({ PUBLICATION_NAME: 'The Example Times', PUBLICATION_LANGUAGE: 'en-GB' });
    factory = new ContentFactory(t.prisma);
    const section = await factory.section({ slug: 'world' });
    recent = await factory.article({ headline: HOSTILE, section, publishedAt: new Date(Date.now() - HOUR) });
    old = await factory.article({ publishedAt: new Date(Date.now() - 72 * HOUR) });
    const past = new Date(Date.now() - 2 * HOUR);
    for (const options of [
      { status: 'DRAFT' as const, publishedAt: null },
      { status: 'SCHEDULED' as const, publishedAt: null },
      { status: 'ARCHIVED' as const, publishedAt: past },
      { status: 'PUBLISHED' as const, publishedAt: past, deletedAt: past },
    ]) {
      hidden.push(await factory.article(options));
    }
  });
  afterAll(() => t.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${t.baseUrl}${path}`, { headers });
  const hiddenSlugs = () => hidden.map((article) => article.slug);

  it('serves a sitemap index that validates against the sitemap 0.9 XSD', async () => {
    const res = await get('/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const xml = await res.text();
    expect(await validateSitemap(xml, 'siteindex.xsd')).toEqual([]);
    const { sitemapindex } = parseXml(xml);
    const newest = Math.max(recent.updatedAt.getTime(), old.updatedAt.getTime());
    // The article pages, then the Google News sitemap, as the README says.
    expect(sitemapindex.sitemap).toEqual([
      { loc: 'https://news.example.com/sitemaps/articles-1.xml', lastmod: new Date(newest).toISOString() },
      { loc: 'https://news.example.com/sitemaps/news.xml', lastmod: recent.updatedAt.toISOString() },
    ]);
  });

  it('lists every published article, and only those, in a valid article sitemap', async () => {
    const xml = await (await get('/sitemaps/articles-1.xml')).text();
    expect(await validateSitemap(xml, 'sitemap.xsd')).toEqual([]);
    const urls = parseXml(xml).urlset.url as { loc: string; lastmod: string }[];
    // Oldest first, so earlier pages stay stable as new articles arrive.
    expect(urls).toEqual([
      { loc: `https://news.example.com/${old.slug}`, lastmod: old.updatedAt.toISOString() },
      { loc: `https://news.example.com/${recent.slug}`, lastmod: recent.updatedAt.toISOString() },
    ]);
    for (const slug of hiddenSlugs()) expect(xml).not.toContain(slug);
  });

  it('serves a valid Google News sitemap of the last two days, hostile titles escaped', async () => {
    const xml = await (await get('/sitemaps/news.xml')).text();
    expect(await validateSitemap(xml, 'sitemap.xsd')).toEqual([]);
    const urls = parseXml(xml).urlset.url;
    expect(urls).toHaveLength(1);
    expect(urls[0].loc).toBe(`https://news.example.com/${recent.slug}`);
    expect(urls[0]['news:news']).toEqual({
      'news:publication': { 'news:name': 'The Example Times', 'news:language': 'en' },
      'news:publication_date': recent.publishedAt!.toISOString(),
      'news:title': HOSTILE.replace('\u0001', ''),
    });
    for (const slug of [...hiddenSlugs(), old.slug]) expect(xml).not.toContain(slug);
  });

  it('gives each news article its own language as Google News writes it: the ISO 639 code, zh-cn or zh-tw', async () => {
    const languages = ['pt-BR', 'zh-Hans-CN', 'zh-HK', 'gsw-CH'];
    const articles = [];
    for (const language of languages)
      articles.push(await factory.article({ language, publishedAt: new Date(Date.now() - HOUR) }));
    try {
      const xml = await (await get('/sitemaps/news.xml')).text();
      expect(await validateSitemap(xml, 'sitemap.xsd')).toEqual([]);
      const byLoc = new Map(
        parseXml(xml).urlset.url.map((url: any) => [url.loc, url['news:news']['news:publication']['news:language']]),
      );
      expect(articles.map((article) => byLoc.get(`https://news.example.com/${article.slug}`))).toEqual([
        'pt',
        'zh-cn',
        'zh-tw',
        'gsw',
      ]);
      expect(byLoc.get(`https://news.example.com/${recent.slug}`)).toBe('en');
    } finally {
      // The other tests count this sitemap's articles.
      await t.prisma.article.deleteMany({ where: { id: { in: articles.map((article) => article.id) } } });
    }
  });

  it('pages by keyset, oldest first, with each page lastmod', async () => {
    const sitemaps = t.app.get(SitemapRepository);
    const extra = [];
    for (let day = 1; day <= 3; day++) extra.push(await factory.article({ publishedAt: new Date(Date.UTC(2020, 0, day)) }));
    const pages = await sitemaps.pages(2, ResponseKeys.none);
    expect(pages.map((page) => page.page)).toEqual([0, 1, 2]);
    const slugs = await Promise.all(
      [0, 1, 2].map(async (page) => (await sitemaps.page(page, 2, ResponseKeys.none)).map((row) => row.slug)),
    );
    expect(slugs).toEqual([[extra[0]!.slug, extra[1]!.slug], [extra[2]!.slug, old.slug], [recent.slug]]);
    expect(await sitemaps.page(3, 2, ResponseKeys.none)).toEqual([]);
  });

  it('answers 404 past the last page and for malformed names', async () => {
    for (const path of [
      '/sitemaps/articles-2.xml',
      '/sitemaps/articles-0.xml',
      '/sitemaps/articles-01.xml',
      '/sitemaps/other.xml',
    ]) {
      expect((await get(path)).status).toBe(404);
    }
  });

  it('answers conditional GETs with 304 and sends caching headers', async () => {
    for (const path of ['/sitemap.xml', '/sitemaps/articles-1.xml', '/sitemaps/news.xml']) {
      const first = await get(path);
      expect(first.headers.get('cache-control')).toBe(`public, max-age=${t.config.http.publicMaxAge}`);
      expect(first.headers.get('surrogate-key')).toContain('sitemaps');
      expect((await get(path, { 'if-none-match': first.headers.get('etag')! })).status).toBe(304);
      expect((await get(path, { 'if-modified-since': first.headers.get('last-modified')! })).status).toBe(304);
    }
  });
});

// A news sitemap must hold at least one <url> to be valid, also on a quiet weekend or a new site.
describe('sitemaps with nothing published in the last two days', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ PUBLICATION_LANGUAGE: 'zh-Hant-TW' });
  });
  afterAll(() => t.close());

  const news = async () => (await fetch(`${t.baseUrl}/sitemaps/news.xml`)).text();
  const index = async () => (await fetch(`${t.baseUrl}/sitemap.xml`)).text();

  it('lists the home page on a site without articles, and every sitemap stays valid', async () => {
    const xml = await news();
    expect(await validateSitemap(xml, 'sitemap.xsd')).toEqual([]);
    expect(parseXml(xml).urlset.url).toEqual([{ loc: 'https://news.example.com/' }]);
    const indexXml = await index();
    expect(await validateSitemap(indexXml, 'siteindex.xsd')).toEqual([]);
    expect(parseXml(indexXml).sitemapindex.sitemap).toContainEqual({ loc: 'https://news.example.com/sitemaps/news.xml' });
    expect(await validateSitemap(await (await fetch(`${t.baseUrl}/sitemaps/articles-1.xml`)).text(), 'sitemap.xsd')).toEqual([]);
  });

  it('lists the newest article when every article is older than two days', async () => {
    const factory = new ContentFactory(t.prisma);
    await factory.article({ publishedAt: new Date(Date.now() - 30 * 24 * HOUR) });
    const newest = await factory.article({ publishedAt: new Date(Date.now() - 5 * 24 * HOUR) });
    const xml = await news();
    expect(await validateSitemap(xml, 'sitemap.xsd')).toEqual([]);
    const urls = parseXml(xml).urlset.url;
    expect(urls).toHaveLength(1);
    const url = urls[0];
    expect(url.loc).toBe(`https://news.example.com/${newest.slug}`);
    expect(url['news:news']['news:publication']).toEqual({ 'news:name': 'news.example.com', 'news:language': 'zh-tw' });
  });
});
