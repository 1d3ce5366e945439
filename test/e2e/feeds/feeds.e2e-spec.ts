import { toGlobalId } from '../../../src/common/global-id.js';
import type { Article, Author, Image, Section, Series, Tag } from '../../../src/generated/prisma/client.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { parseXml, textOf } from '../../utils/feed-parsing.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

// Everything an editor can type, at its most hostile: markup, entities, quotes, a CDATA terminator,
// an emoji and a control character XML 1.0 cannot carry.
const HOSTILE = `Tom & Jerry <b>"bold"</b> &lt;i&gt; &nbsp; 'quoted' ]]> 🚀 \u0001end`;
const HOSTILE_IN_XML = HOSTILE.replace('\u0001', '');

const FORMATS = ['rss.xml', 'atom.xml', 'feed.json'] as const;

interface JsonFeedItem {
  id: string;
  content_html?: string;
  content_text?: string;
  date_published: string;
}

describe('feeds: RSS, Atom and JSON Feed', () => {
  let t: TestApp;
  let factory: ContentFactory;
  let tag: Tag;
  let otherTag: Tag;
  let section: Section;
  let series: Series;
  let author: Author;
  let image: Image;
  let hostile: Article;
  let plain: Article;
  const hidden: Article[] = [];

  beforeAll(async () => {
    t = await createTestApp({
      FEED_ITEM_LIMIT: '5',
      PUBLIC_CACHE_MAX_AGE: '120',
      PUBLICATION_NAME: 'The Example Times',
      PUBLICATION_LANGUAGE: 'en-GB',
    });
    factory = new ContentFactory(t.prisma);
    [tag, otherTag, section, series] = await Promise.all([factory.tag(), factory.tag(), factory.section(), factory.series()]);
    author = await factory.author({ name: `Ann ${HOSTILE}` });
    image = await factory.image({ caption: `Caption ${HOSTILE}`, credit: `Credit ${HOSTILE}`, contentType: 'image/jpeg' });
    hostile = await factory.article({
      headline: HOSTILE,
      teaser: `Teaser ${HOSTILE}`,
      text: `Body ${HOSTILE}`,
      tags: [tag, await factory.tag({ name: `Tag ${HOSTILE}` })],
      authors: [author],
      section,
      series,
      image,
      publishedAt: new Date(Date.now() - 60_000),
    });
    plain = await factory.article({ tags: [otherTag], language: 'fr-CA', publishedAt: new Date(Date.now() - 120_000) });
    const past = new Date(Date.now() - 30_000);
    for (const options of [
      { status: 'DRAFT' as const, publishedAt: null },
      { status: 'SCHEDULED' as const, publishedAt: null },
      { status: 'ARCHIVED' as const, publishedAt: past },
      { status: 'PUBLISHED' as const, publishedAt: past, deletedAt: past },
    ]) {
      hidden.push(await factory.article({ ...options, tags: [tag], authors: [author], section, series }));
    }
  });
  afterAll(() => t.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${t.baseUrl}${path}`, { headers });
  const rssItems = async (path: string) => parseXml(await (await get(path)).text()).rss.channel.item ?? [];
  const guids = (items: { guid: unknown }[]) => items.map((item) => textOf(item.guid));

  it('serves RSS 2.0 with every item field, escaped', async () => {
    const res = await get('/feeds/rss.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const { rss } = parseXml(await res.text());
    expect(rss['@version']).toBe('2.0');
    expect(rss.channel).toMatchObject({ title: 'The Example Times', language: 'en-gb' });
    const [item] = rss.channel.item;
    expect(item.title).toBe(HOSTILE_IN_XML);
    expect(item.link).toEqual([`https://news.example.com/${hostile.slug}`]);
    expect(item.guid).toEqual({ '#text': toGlobalId('Article', hostile.id), '@isPermaLink': 'false' });
    expect(new Date(item.pubDate).getTime()).toBe(Math.floor(hostile.publishedAt!.getTime() / 1000) * 1000);
    expect(item['atom:updated']).toBe(hostile.updatedAt.toISOString());
    expect(item['dc:creator']).toEqual([`Ann ${HOSTILE_IN_XML}`]);
    expect(item.category).toEqual([tag.name, `Tag ${HOSTILE_IN_XML}`]);
    expect(item.description).toBe(`Teaser ${HOSTILE_IN_XML}`);
    expect(item['content:encoded']).toContain('Body Tom &amp; Jerry &lt;b&gt;');
    expect(item['media:content']).toMatchObject({
      '@url': image.url,
      '@medium': 'image',
      '@type': 'image/jpeg',
      '@width': '1200',
    });
    expect(textOf(item['media:content']['media:description'])).toBe(`Caption ${HOSTILE_IN_XML}`);
    expect(item['media:content']['media:credit']).toBe(`Credit ${HOSTILE_IN_XML}`);
  });

  it('serves Atom 1.0 with entries, enclosures and html content', async () => {
    const res = await get('/feeds/atom.xml');
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const { feed } = parseXml(await res.text());
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.author[0].name).toBe('The Example Times');
    expect(feed['@xml:lang']).toBe('en-GB');
    const [entry] = feed.entry;
    expect(entry.id).toBe(`urn:newsdesk:article:${toGlobalId('Article', hostile.id)}`);
    expect(textOf(entry.title)).toBe(HOSTILE_IN_XML);
    expect(entry.published).toBe(hostile.publishedAt!.toISOString());
    expect(entry.updated).toBe(hostile.updatedAt.toISOString());
    expect(entry.author).toEqual([{ name: `Ann ${HOSTILE_IN_XML}` }]);
    expect(entry.category.map((c: Record<string, string>) => c['@label'])).toEqual([tag.name, `Tag ${HOSTILE_IN_XML}`]);
    expect(entry.link).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ '@rel': 'alternate', '@href': `https://news.example.com/${hostile.slug}` }),
        expect.objectContaining({ '@rel': 'enclosure', '@href': image.url, '@type': 'image/jpeg' }),
      ]),
    );
    expect(textOf(entry.summary)).toBe(`Teaser ${HOSTILE_IN_XML}`);
    expect(entry.content['@type']).toBe('html');
    expect(textOf(entry.content)).toContain('Body Tom &amp; Jerry');
  });

  it('serves JSON Feed 1.1', async () => {
    const res = await get('/feeds/feed.json');
    expect(res.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    const feed = (await res.json()) as { items: JsonFeedItem[] } & Record<string, unknown>;
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'The Example Times',
      language: 'en-GB',
      authors: [{ name: 'The Example Times' }],
      home_page_url: 'https://news.example.com',
    });
    expect(feed.items.length).toBeGreaterThan(0);
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(typeof (item.content_html ?? item.content_text)).toBe('string');
      expect(Number.isNaN(Date.parse(item.date_published))).toBe(false);
    }
    expect(feed.items[0]).toMatchObject({
      id: toGlobalId('Article', hostile.id),
      url: `https://news.example.com/${hostile.slug}`,
      title: HOSTILE,
      summary: `Teaser ${HOSTILE}`,
      authors: [{ name: `Ann ${HOSTILE}` }],
      tags: [tag.name, `Tag ${HOSTILE}`],
      image: image.url,
      _newsdesk: { image_caption: `Caption ${HOSTILE}`, image_credit: `Credit ${HOSTILE}` },
    });
    expect(feed.items[0].content_html).toContain('Body Tom &amp; Jerry');
  });

  it("marks each item's language: the channel's by default, its own where it differs", async () => {
    const [hostileId, plainId] = [hostile, plain].map((article) => toGlobalId('Article', article.id));
    const rss = await rssItems('/feeds/rss.xml');
    const rssOf = (id: string) => rss.find((item: { guid: unknown }) => textOf(item.guid) === id);
    expect(rssOf(plainId)['dc:language']).toBe('fr-ca');
    expect(rssOf(hostileId)).not.toHaveProperty('dc:language');

    const { feed } = parseXml(await (await get('/feeds/atom.xml')).text());
    const entryOf = (id: string) => feed.entry.find((entry: { id: string }) => entry.id === `urn:newsdesk:article:${id}`);
    expect(entryOf(plainId)['@xml:lang']).toBe('fr-CA');
    expect(entryOf(hostileId)).not.toHaveProperty('@xml:lang');

    const json = (await (await get('/feeds/feed.json')).json()) as { items: { id: string; language: string }[] };
    const languages = Object.fromEntries(json.items.map((item) => [item.id, item.language]));
    expect([languages[hostileId], languages[plainId]]).toEqual(['en-GB', 'fr-CA']);
  });

  it('never shows drafts, scheduled, archived or trashed articles, in any feed', async () => {
    const hiddenIds = hidden.map((article) => toGlobalId('Article', article.id));
    for (const base of [
      '/feeds',
      `/feeds/tags/${tag.slug}`,
      `/feeds/sections/${section.slug}`,
      `/feeds/series/${series.slug}`,
      `/feeds/authors/${author.slug}`,
    ]) {
      for (const file of FORMATS) {
        const body = await (await get(`${base}/${file}`)).text();
        for (const id of hiddenIds) expect(body).not.toContain(id);
      }
    }
  });

  it('limits each subject feed to its own articles', async () => {
    const hostileId = toGlobalId('Article', hostile.id);
    const plainId = toGlobalId('Article', plain.id);
    expect(guids(await rssItems('/feeds/rss.xml'))).toEqual(expect.arrayContaining([hostileId, plainId]));
    for (const path of [`tags/${tag.slug}`, `series/${series.slug}`, `authors/${author.slug}`]) {
      expect(guids(await rssItems(`/feeds/${path}/rss.xml`))).toEqual([hostileId]);
    }
    // Another test publishes into the section, so only membership is certain here.
    const inSection = guids(await rssItems(`/feeds/sections/${section.slug}/rss.xml`));
    expect(inSection).toContain(hostileId);
    expect(inSection).not.toContain(plainId);
    expect(guids(await rssItems(`/feeds/tags/${otherTag.slug}/rss.xml`))).toEqual([plainId]);
  });

  it('serves the newest FEED_ITEM_LIMIT items, newest first', async () => {
    const crowded = await factory.tag();
    const created: Article[] = [];
    for (let i = 0; i < 7; i++) {
      created.push(await factory.article({ tags: [crowded], publishedAt: new Date(Date.UTC(2024, 0, 1 + i)) }));
    }
    const expected = created
      .slice(2)
      .reverse()
      .map((article) => toGlobalId('Article', article.id));
    expect(guids(await rssItems(`/feeds/tags/${crowded.slug}/rss.xml`))).toEqual(expected);
  });

  it('answers 404 for unknown or trashed subjects and unknown files', async () => {
    const trashed = await factory.tag({ deletedAt: new Date() });
    for (const path of [
      'tags/nope/rss.xml',
      `tags/${trashed.slug}/atom.xml`,
      'sections/nope/feed.json',
      'series/nope/rss.xml',
      'authors/nope/rss.xml',
      `widgets/${tag.slug}/rss.xml`,
      'rss.html',
      `tags/${tag.slug}/feed.xml`,
    ]) {
      const res = await get(`/feeds/${path}`);
      expect(res.status).toBe(404);
    }
    const { error } = (await (await get('/feeds/tags/nope/rss.xml')).json()) as { error: { code: string } };
    expect(error.code).toBe('NOT_FOUND');
  });

  describe('HTTP caching', () => {
    it('sends a strong ETag, Last-Modified, public Cache-Control and surrogate keys', async () => {
      const res = await get(`/feeds/tags/${tag.slug}/rss.xml`);
      expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
      expect(res.headers.get('last-modified')).toBe(hostile.updatedAt.toUTCString());
      expect(res.headers.get('cache-control')).toBe('public, max-age=120');
      // A partner key changes the answer for the same URL.
      expect(res.headers.get('vary')?.toLowerCase()).toContain('x-partner-key');
      const keys = res.headers.get('surrogate-key')!.split(' ');
      expect(keys).toEqual(
        expect.arrayContaining([
          `articles:tag:${tag.slug}`,
          `tag:${tag.id}`,
          `article:${hostile.id}`,
          `author:${author.id}`,
          `section:${section.id}`,
        ]),
      );
    });

    it('answers 304 to If-None-Match and to If-Modified-Since', async () => {
      for (const file of FORMATS) {
        const first = await get(`/feeds/${file}`);
        const etag = first.headers.get('etag')!;
        const lastModified = first.headers.get('last-modified')!;
        const byEtag = await get(`/feeds/${file}`, { 'if-none-match': etag });
        expect(byEtag.status).toBe(304);
        expect(await byEtag.text()).toBe('');
        expect((await get(`/feeds/${file}`, { 'if-modified-since': lastModified })).status).toBe(304);
        expect((await get(`/feeds/${file}`, { 'if-none-match': '"stale"' })).status).toBe(200);
        const older = new Date(Date.parse(lastModified) - 1000).toUTCString();
        expect((await get(`/feeds/${file}`, { 'if-modified-since': older })).status).toBe(200);
      }
    });

    it('changes the ETag once another article is published', async () => {
      const before = await get(`/feeds/sections/${section.slug}/atom.xml`);
      const etag = before.headers.get('etag')!;
      await factory.article({ section });
      const after = await get(`/feeds/sections/${section.slug}/atom.xml`, { 'if-none-match': etag });
      expect(after.status).toBe(200);
      expect(after.headers.get('etag')).not.toBe(etag);
    });
  });
});
