import Parser from 'rss-parser';
import { ContentFactory } from '../../factories/content.factory.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

const HOSTILE = "Tom & Jerry <b>“quoted”</b> ]]> 'single' 🗞️";

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
      headline: HOSTILE,
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
    expect(item!.title).toBe(HOSTILE);
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
    expect(feed.items.map((item: any) => item.title)).toEqual([HOSTILE]);
    expect(feed.items[0].authors).toEqual([{ name: 'Ann "Scoop" O’Neil' }]);
  });
});
