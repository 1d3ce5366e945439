import { toGlobalId } from '../../../src/common/global-id.js';
import type { Article, Author, Image, Section, Series, Tag } from '../../../src/generated/prisma/client.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { parseXml, textOf } from '../../utils/feed-parsing.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { onPostgres } from '../../utils/on-postgres.js';
import Parser from 'rss-parser';
import { Writable } from 'node:stream';
import { pino } from 'pino';

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

const READER_HOSTILE = "Tom & Jerry <b>“quoted”</b> ]]> 'single' 🗞️";

// The feeds as a feed reader sees them: rss-parser (what many aggregators run) reads RSS and Atom.
describe('feeds through a real feed reader', () => {
  let t: TestApp;
  const reader = new Parser({
    customFields: {
      item: [
        ['media:content', 'media'],
        ['content:encoded', 'contentEncoded'],
      ],
    },
  });

  beforeAll(async () => {
    t = await createTestApp();
    const factory = new ContentFactory(t.prisma);
    const tag = await factory.tag({ slug: 'reader-test', name: 'reader <test> & co' });
    const author = await factory.author({ name: 'Ann "Scoop" O’Neil' });
    await factory.article({
      headline: READER_HOSTILE,
      slug: 'hostile',
      text: 'Body with <tags> & ampersands',
      tags: [tag],
      authors: [author],
    });
    await factory.article({ headline: 'Draft never shown', status: 'DRAFT', tags: [tag] });
  });
  afterAll(() => t.close());

  it.each(['rss.xml', 'atom.xml'])('reads /feeds/tags/reader-test/%s with every item intact', async (file) => {
    const xml = await (await fetch(`${t.baseUrl}/feeds/tags/reader-test/${file}`)).text();
    const feed = await reader.parseString(xml);
    expect(feed.items).toHaveLength(1);
    const [item] = feed.items;
    expect(item!.title).toBe(READER_HOSTILE);
    expect(item!.link).toBe('https://news.example.com/hostile');
    expect(item!.guid ?? (item as any).id).toBeTruthy();
    // rss-parser reads categories from RSS only (not from Atom).
    if (file === 'rss.xml') expect(item!.categories).toContain('reader <test> & co');
    expect(item!.isoDate).toBeTruthy();
  });

  it('reads the JSON Feed as JSON Feed 1.1', async () => {
    const response = await fetch(`${t.baseUrl}/feeds/tags/reader-test/feed.json`);
    const feed = (await response.json()) as any;
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items.map((item: any) => item.title)).toEqual([READER_HOSTILE]);
    expect(feed.items[0].authors).toEqual([{ name: 'Ann "Scoop" O’Neil' }]);
  });
});

// The body digest the 304 path asks PostgreSQL for; any other mention of body_html reads the HTML itself.
const BODY_DIGEST = "md5(coalesce(a.body_html, ''))";

// Feed ETags are computed from what a feed is made of (feed-etag.ts), so that a reader polling with
// If-None-Match costs no body reads. These tests hold that shortcut to the one rule that matters: the
// ETag changes whenever any byte of the feed would, including changes that move no date.
describe('feeds: ETags from validators', () => {
  let t: TestApp;
  let factory: ContentFactory;
  let tag: Tag;
  let author: Author;
  let image: Image;
  let article: Article;
  const statements: string[] = [];

  beforeAll(async () => {
    // The SQL each request sends, from the statement log (database/query-counter.ts logs it at trace).
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n')) {
          if (line.includes('"sql"')) statements.push((JSON.parse(line) as { sql: string }).sql);
        }
        done();
      },
    });
    t = await createTestApp({}, undefined, { logger: pino({ level: 'trace' }, sink) });
    factory = new ContentFactory(t.prisma);
    [tag, author, image] = await Promise.all([
      factory.tag({ name: 'Interest rates' }),
      factory.author({ name: 'Ann Writer' }),
      factory.image({ caption: 'The first caption', contentType: 'image/jpeg' }),
    ]);
    article = await factory.article({ tags: [tag], authors: [author], image, text: 'The first body.' });
    await factory.article({ tags: [tag], publishedAt: new Date(Date.now() - 60_000) });
  });
  afterAll(() => t.close());

  const url = (file: string, app = t) => `${app.baseUrl}/feeds/tags/${tag.slug}/${file}`;

  async function current(file = 'rss.xml', app = t) {
    const res = await fetch(url(file, app));
    expect(res.status).toBe(200);
    return { etag: res.headers.get('etag')!, body: await res.text() };
  }

  async function statusWith(etag: string, file = 'rss.xml', app = t) {
    const res = await fetch(url(file, app), { headers: { 'if-none-match': etag } });
    await res.arrayBuffer();
    return res.status;
  }

  it('answers If-None-Match with 304 in every format without reading any body HTML', async () => {
    for (const file of FORMATS) {
      const { etag } = await current(file);
      statements.length = 0;
      expect(await statusWith(etag, file)).toBe(304);
      expect(statements.some((sql) => sql.includes(BODY_DIGEST))).toBe(true);
      for (const sql of statements) expect(sql.replaceAll(BODY_DIGEST, '')).not.toContain('body_html');
    }
  });

  it('serves the same bytes and ETag from the stored feed forms of the bodies as from body_html alone', async () => {
    const stored = () =>
      t.prisma.$queryRaw<{ n: number }[]>`SELECT count(body_xml)::int AS n FROM articles WHERE body_digest IS NOT NULL`;
    expect((await stored())[0]!.n).toBeGreaterThan(0);
    const withForms = await Promise.all(FORMATS.map((file) => current(file)));
    // A row no derivation has written them for (older derivation code, SQL by hand): derived on the read.
    const [row] = await t.prisma.$queryRaw<{ xml: string; digest: string }[]>`
      SELECT body_xml AS xml, body_digest AS digest FROM articles WHERE id = ${article.id}::uuid`;
    await t.prisma.$executeRaw`UPDATE articles SET body_xml = NULL, body_digest = NULL WHERE id = ${article.id}::uuid`;
    try {
      expect(await Promise.all(FORMATS.map((file) => current(file)))).toEqual(withForms);
      for (const [index, file] of FORMATS.entries()) expect(await statusWith(withForms[index]!.etag, file)).toBe(304);
    } finally {
      await t.prisma
        .$executeRaw`UPDATE articles SET body_xml = ${row!.xml}, body_digest = ${row!.digest} WHERE id = ${article.id}::uuid`;
    }
  });

  const changes: [string, () => Promise<unknown>][] = [
    // As a re-derivation writes it (an image in the body got a new caption): no date moves.
    [
      'a body re-derived',
      () => t.prisma.$executeRaw`UPDATE articles SET body_html = body_html || '<p>More.</p>' WHERE id = ${article.id}::uuid`,
    ],
    ['a tag renamed', () => t.prisma.tag.update({ where: { id: tag.id }, data: { name: 'Rates & yields' } })],
    ['a byline renamed', () => t.prisma.author.update({ where: { id: author.id }, data: { name: 'Ann Writer-Smith' } })],
    [
      'a featured image re-captioned',
      () => t.prisma.image.update({ where: { id: image.id }, data: { caption: 'A new caption' } }),
    ],
  ];

  it.each(changes)('gives a new ETag after %s, and the 304 path agrees', async (_change, change) => {
    const before = await current();
    await change();
    const after = await current();
    expect(after.body).not.toBe(before.body);
    expect(after.etag).not.toBe(before.etag);
    expect(await statusWith(before.etag)).toBe(200);
    expect(await statusWith(after.etag)).toBe(304);
  });

  // Three instances on one database, which the embedded server (one connection) cannot serve.
  const onServer = onPostgres(it, 'feed ETags across instances');
  onServer('gives another ETag under settings that change the feed, and the same one on an identical instance', async () => {
    const before = await current();
    const twin = await createTestApp({}, t.database);
    const renamed = await createTestApp({ PUBLICATION_NAME: 'Another Gazette' }, t.database);
    try {
      expect((await current('rss.xml', twin)).etag).toBe(before.etag);
      expect(await statusWith(before.etag, 'rss.xml', twin)).toBe(304);
      const other = await current('rss.xml', renamed);
      expect(other.body).toContain('Another Gazette');
      expect(other.etag).not.toBe(before.etag);
      expect(await statusWith(before.etag, 'rss.xml', renamed)).toBe(200);
    } finally {
      await twin.close();
      await renamed.close();
    }
  });
});
