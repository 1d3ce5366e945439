import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { PublicArticle } from '../articles/public-article.js';
import { atomDocument, buildAtom } from './atom.builder.js';
import type { Feed } from './feed-item.js';
import { toFeed, toFeedItem } from './feed-item.mapper.js';
import { buildJsonFeed } from './json-feed.builder.js';
import { buildRss, rssDocument } from './rss.builder.js';
import { serialise } from './xml-document.js';
import { feedEtag } from './feed-etag.js';
import { bodyDigest, feedBodyFields } from '../articles/derivation/feed-body-fields.js';

const site = { url: 'https://news.example.com', articleUrlPattern: '/{section}/{slug}' };
const publication = { name: 'The Foreign Desk', language: 'en-GB' };
const HOSTILE = `A & B <i>"x"</i> &lt;script&gt; &nbsp; ]]> 👍 \u0007!`;

// An article in its public shape, as the projection reads it (teaser and HTML derived at write time).
function article(overrides: Partial<PublicArticle> = {}): PublicArticle {
  const date = '2026-01-02T03:04:05.678Z';
  return {
    id: 'QXJ0aWNsZTowMTkwMDAwMC0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDE',
    slug: 'a-b',
    url: 'https://news.example.com/news/a-b',
    headline: HOSTILE,
    teaser: 'First paragraph.',
    language: 'en-GB',
    bodyHtml: '<p>First paragraph.</p>',
    publishedAt: date,
    updatedAt: date,
    authors: [],
    tags: [],
    featuredImage: null,
    ...overrides,
  } as unknown as PublicArticle;
}

function feedOf(fullText: boolean): Feed {
  return toFeed(site, publication, { id: 'urn:x', title: HOSTILE, description: HOSTILE }, [
    toFeedItem(article(), fullText, null),
  ]);
}

const parse = (bytes: Buffer) => {
  const xml = bytes.toString('utf8');
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({ ignoreAttributes: false }).parse(xml);
};

describe('feed builders', () => {
  it('maps an article to an item, with the body only with full text', () => {
    const [full] = feedOf(true).items;
    expect(full).toMatchObject({ url: 'https://news.example.com/news/a-b', summary: 'First paragraph.', guid: article().id });
    expect(full!.contentHtml).toBe('<p>First paragraph.</p>');
    expect(feedOf(false).items[0]!.contentHtml).toBeNull();
  });

  it('escapes editor text so every parser reads back exactly what was typed, minus XML-invalid characters', () => {
    const expected = HOSTILE.replace('\u0007', '');
    expect(parse(buildRss(feedOf(true))).rss.channel.item.title).toBe(expected);
    expect(parse(buildAtom(feedOf(true))).feed.entry.title['#text']).toBe(expected);
    expect(JSON.parse(buildJsonFeed(feedOf(false))).items[0]).toMatchObject({ title: HOSTILE, content_text: 'First paragraph.' });
  });

  it('names the publication and its language in each format', () => {
    const rss = parse(buildRss(feedOf(true))).rss.channel;
    expect(rss.language).toBe('en-gb');
    const atom = parse(buildAtom(feedOf(true))).feed;
    expect(atom['@_xml:lang']).toBe('en-GB');
    expect(atom.author.name).toBe('The Foreign Desk');
    const json = JSON.parse(buildJsonFeed(feedOf(true)));
    expect(json).toMatchObject({ language: 'en-GB', authors: [{ name: 'The Foreign Desk' }] });
  });

  it("marks an item in another language than the publication's, in each format", () => {
    const feed = toFeed(site, publication, { id: 'urn:x', title: 'T', description: 'D' }, [
      toFeedItem(article({ id: 'same' }), true, null),
      toFeedItem(article({ id: 'other', language: 'pt-BR' }), true, null),
    ]);
    const [same, other] = parse(buildRss(feed)).rss.channel.item;
    expect(same).not.toHaveProperty('dc:language');
    expect(other['dc:language']).toBe('pt-br');
    const entries = parse(buildAtom(feed)).feed.entry;
    expect(entries[0]).not.toHaveProperty('@_xml:lang');
    expect(entries[1]['@_xml:lang']).toBe('pt-BR');
    expect(JSON.parse(buildJsonFeed(feed)).items.map((item: { language: string }) => item.language)).toEqual(['en-GB', 'pt-BR']);
  });

  it('writes the same bytes and ETag from a body stored escaped as from its HTML, empty bodies included', () => {
    for (const html of [`<p>${HOSTILE}</p><figure><img src="/a?b=1&amp;c=2" alt='"q"'></figure>`, '']) {
      const fromHtml = feedOf(true);
      const stored = feedBodyFields(html);
      const asHtml = { ...fromHtml, items: fromHtml.items.map((item) => ({ ...item, contentHtml: html })) };
      const asXml = {
        ...fromHtml,
        items: fromHtml.items.map((item) => ({ ...item, contentHtml: null, contentXml: stored.bodyXml })),
      };
      expect(stored.bodyDigest).toBe(bodyDigest(html));
      expect(buildRss(asXml)).toEqual(buildRss(asHtml));
      expect(buildAtom(asXml)).toEqual(buildAtom(asHtml));
      for (const format of ['rss', 'atom', 'json'] as const) {
        expect(feedEtag(asXml, format, [stored.bodyDigest])).toBe(feedEtag(asHtml, format, [bodyDigest(html)]));
      }
    }
  });

  it('sends as bytes exactly the UTF-8 of the document, across chunk edges, long bodies and non-Latin-1 text', () => {
    const long = `<p>${'x'.repeat(20_000)} ${HOSTILE}</p>`;
    const feed = feedOf(true);
    for (const bodies of [
      [long, 'é'.repeat(9_000), long],
      ['', '👍', HOSTILE.repeat(700)],
    ]) {
      const items = bodies.map((html, index) => ({ ...feed.items[0]!, guid: `g${index}`, contentHtml: html }));
      const built = { ...feed, items };
      expect(buildRss(built).equals(Buffer.from(serialise(rssDocument(built)), 'utf8'))).toBe(true);
      expect(buildAtom(built).equals(Buffer.from(serialise(atomDocument(built)), 'utf8'))).toBe(true);
    }
  });
});
