import { ResponseKeys } from '../../../src/common/response-keys.js';
import { SitemapRepository } from '../../../src/feeds/sitemaps/sitemap.repository.js';
import type { Article } from '../../../src/generated/prisma/client.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { parseXml, validateSitemap } from '../../utils/feed-parsing.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { fromGlobalId } from '../../../src/common/global-id.js';
import { mutateArticle } from '../../utils/admin-articles.js';
import { loginAs, type LoggedIn } from '../../utils/auth.js';

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

interface PublicDates {
  headline: string;
  updatedAt: string;
  sitemapLastmod: string | undefined;
  sitemapIndexLastmod: string | undefined;
  feedModified: string | undefined;
}

// The public "updated" time is when the public version changed. Edits to a live article stay
// pending until published, and until then nothing public may move: not the text, not the dates.
describe('public updatedAt and sitemap lastmod', () => {
  let t: TestApp;
  let admin: LoggedIn;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'EDITOR');
  });
  afterAll(() => t.close());

  async function publicDates(slug: string): Promise<PublicDates> {
    const { article } = await t.graphql.data('query($slug: String!) { article(slug: $slug) { headline updatedAt url } }', {
      slug,
    });
    const sitemap = await (await fetch(`${t.baseUrl}/sitemaps/articles-1.xml`)).text();
    const index = await (await fetch(`${t.baseUrl}/sitemap.xml`)).text();
    const feed = (await (await fetch(`${t.baseUrl}/feeds/feed.json`)).json()) as {
      items: { url: string; date_modified: string }[];
    };
    return {
      headline: article.headline,
      updatedAt: article.updatedAt,
      sitemapLastmod: new RegExp(`<loc>${article.url}</loc><lastmod>([^<]+)</lastmod>`).exec(sitemap)?.[1],
      sitemapIndexLastmod: /articles-1\.xml<\/loc><lastmod>([^<]+)</.exec(index)?.[1],
      feedModified: feed.items.find((item) => item.url === article.url)?.date_modified,
    };
  }

  it('stays put through an unpublished edit and moves when the edit is published', async () => {
    const draft = await mutateArticle(admin.admin, 'createArticle', { headline: 'Stable dates' });
    const live = await mutateArticle(admin.admin, 'publishArticle', { id: draft.id });
    // As if it went live yesterday, so a later move shows without waiting for the clock.
    const yesterday = new Date(Date.now() - 86_400_000);
    await t.prisma.article.update({
      where: { id: fromGlobalId(live.id)!.id },
      data: { publishedAt: yesterday, updatedAt: yesterday, publicUpdatedAt: yesterday },
    });
    const before = await publicDates(live.slug);
    expect(before).toEqual({
      headline: 'Stable dates',
      updatedAt: yesterday.toISOString(),
      sitemapLastmod: yesterday.toISOString(),
      sitemapIndexLastmod: yesterday.toISOString(),
      feedModified: yesterday.toISOString(),
    });

    const pending = await mutateArticle(admin.admin, 'updateArticle', {
      id: live.id,
      expectedVersion: live.version,
      headline: 'Stable dates, edited',
    });
    expect(pending.hasPendingChanges).toBe(true);
    const { adminArticle } = await admin.admin.data('query($id: ID!) { adminArticle(id: $id) { updatedAt } }', { id: live.id });
    expect(new Date(adminArticle.updatedAt).getTime()).toBeGreaterThan(yesterday.getTime());
    expect(await publicDates(live.slug)).toEqual(before);

    await mutateArticle(admin.admin, 'publishArticle', { id: live.id, expectedVersion: pending.version });
    const after = await publicDates(live.slug);
    expect(after.headline).toBe('Stable dates, edited');
    for (const date of [after.updatedAt, after.sitemapLastmod, after.sitemapIndexLastmod, after.feedModified]) {
      expect(new Date(date!).getTime()).toBeGreaterThan(yesterday.getTime());
    }
    expect(after.sitemapLastmod).toBe(after.updatedAt);
  });

  it('starts as the publication time at the first publish', async () => {
    const draft = await mutateArticle(admin.admin, 'createArticle', { headline: 'First publish' });
    const live = await mutateArticle(admin.admin, 'publishArticle', { id: draft.id });
    const { article } = await t.graphql.data('query($slug: String!) { article(slug: $slug) { publishedAt updatedAt } }', {
      slug: live.slug,
    });
    expect(article.updatedAt).toBe(article.publishedAt);
  });
});
