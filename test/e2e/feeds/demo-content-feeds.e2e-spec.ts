import { seedDemo } from '../../utils/demo-content.js';
import { parseXml, validateSitemap } from '../../utils/feed-parsing.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

// The demo magazine is real editorial content (bylines, captions, credits, embeds): every feed and
// sitemap built from it must parse and validate.
describe('feeds and sitemaps over the demo content', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t);
  });
  afterAll(() => t.close());

  const text = async (path: string) => {
    const res = await fetch(`${t.baseUrl}${path}`);
    expect(res.status).toBe(200);
    return res.text();
  };

  it('builds well-formed RSS, Atom and JSON Feed with every published article', async () => {
    const published = await t.prisma.article.count({ where: { status: 'PUBLISHED', deletedAt: null } });
    const expected = Math.min(published, t.config.feeds.itemLimit);
    expect(parseXml(await text('/feeds/rss.xml')).rss.channel.item).toHaveLength(expected);
    expect(parseXml(await text('/feeds/atom.xml')).feed.entry).toHaveLength(expected);
    expect((JSON.parse(await text('/feeds/feed.json')) as { items: unknown[] }).items).toHaveLength(expected);
    const tag = await t.prisma.tag.findFirstOrThrow({ where: { articles: { some: {} } } });
    expect(parseXml(await text(`/feeds/tags/${tag.slug}/rss.xml`)).rss.channel.item.length).toBeGreaterThan(0);
  });

  it('builds sitemaps that validate against their XSDs', async () => {
    expect(await validateSitemap(await text('/sitemap.xml'), 'siteindex.xsd')).toEqual([]);
    expect(await validateSitemap(await text('/sitemaps/articles-1.xml'), 'sitemap.xsd')).toEqual([]);
    expect(await validateSitemap(await text('/sitemaps/news.xml'), 'sitemap.xsd')).toEqual([]);
  });

  it('has recent news on a fresh demo: it is dated relative to its first seed', async () => {
    const urls = parseXml(await text('/sitemaps/news.xml')).urlset.url as { 'news:news'?: unknown }[];
    expect(urls.filter((url) => url['news:news']).length).toBeGreaterThanOrEqual(1);
  });
});
