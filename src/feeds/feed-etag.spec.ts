import { bodyDigest } from '../articles/derivation/feed-body-fields.js';
import { etagOfBuiltFeed, feedEtag } from './feed-etag.js';
import type { Feed, FeedItem } from './feed-item.js';

const date = new Date('2026-01-02T03:04:05.678Z');
const item: FeedItem = {
  guid: 'g1',
  title: 'Rates rise',
  url: 'https://news.example.com/news/rates',
  publishedAt: date,
  updatedAt: date,
  authors: ['Ann'],
  categories: [{ slug: 'rates', name: 'Rates' }],
  summary: 'Teaser.',
  image: null,
  contentHtml: '<p>Body 👍</p>',
  language: 'en-GB',
};
const feed: Feed = {
  id: 'urn:x',
  title: 'T',
  description: 'D',
  siteUrl: 'https://news.example.com',
  publisher: 'P',
  language: 'en-GB',
  updatedAt: date,
  items: [item],
};

describe('feed ETags', () => {
  it('is the same from a feed read without bodies plus their digests as from the built feed', () => {
    const withoutBodies = { ...feed, items: [{ ...item, contentHtml: null }] };
    expect(feedEtag(withoutBodies, 'rss', [bodyDigest('<p>Body 👍</p>')])).toBe(etagOfBuiltFeed(feed, 'rss'));
    expect(etagOfBuiltFeed(feed, 'rss')).toMatch(/^"[\w-]{43}"$/);
  });

  it('differs by format, by body and by any field, and is stable', () => {
    const etag = etagOfBuiltFeed(feed, 'rss');
    expect(etagOfBuiltFeed(feed, 'rss')).toBe(etag);
    expect(etagOfBuiltFeed(feed, 'atom')).not.toBe(etag);
    expect(etagOfBuiltFeed({ ...feed, items: [{ ...item, contentHtml: '<p>Body 👍.</p>' }] }, 'rss')).not.toBe(etag);
    expect(etagOfBuiltFeed({ ...feed, items: [{ ...item, categories: [{ slug: 'rates', name: 'Rate' }] }] }, 'rss')).not.toBe(
      etag,
    );
    expect(etagOfBuiltFeed({ ...feed, publisher: 'Q' }, 'rss')).not.toBe(etag);
    // A teaser-only item (null body) is not the same as an empty body.
    expect(etagOfBuiltFeed({ ...feed, items: [{ ...item, contentHtml: null }] }, 'rss')).not.toBe(
      etagOfBuiltFeed({ ...feed, items: [{ ...item, contentHtml: '' }] }, 'rss'),
    );
  });
});
