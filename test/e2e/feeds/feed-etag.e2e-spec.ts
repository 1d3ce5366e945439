import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Article, Author, Image, Tag } from '../../../src/generated/prisma/client.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

const FORMATS = ['rss.xml', 'atom.xml', 'feed.json'] as const;
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

  it('gives another ETag under settings that change the feed, and the same one on an identical instance', async () => {
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
