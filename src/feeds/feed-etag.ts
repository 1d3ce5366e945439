import { createHash } from 'node:crypto';
import { bodyDigest } from '../articles/derivation/feed-body-fields.js';
import type { Feed, FeedFormat, FeedItem } from './feed-item.js';
import { serialiseFeed } from './feed.serialiser.js';

// A feed's strong ETag is computed from what its bytes are made of, not from the bytes, so a
// conditional GET can be answered without reading or serialising the item bodies (~400 KB for a
// 50-item full-text feed). Its inputs: every field of the feed and its items in order (titles, tag and
// author names, image URLs and captions, the site and publication settings), each body as a digest,
// the format, and a fingerprint of the serialisers' output. Any byte of the feed changes one of them.

/** The ETag of a built feed: its items' bodies are hashed here. */
export function etagOfBuiltFeed(feed: Feed, format: FeedFormat): string {
  return feedEtag(
    feed,
    format,
    feed.items.map((item) => (item.contentHtml === null ? null : bodyDigest(item.contentHtml))),
  );
}

/**
 * The ETag from a feed read without its bodies (`contentHtml` ignored) and each item's body digest,
 * null where the item carries no body: equal to etagOfBuiltFeed of the same feed read with them.
 */
export function feedEtag(feed: Feed, format: FeedFormat, bodyDigests: readonly (string | null)[]): string {
  // contentXml (the same body, stored escaped) is left out: undefined drops out of the JSON.
  const items = feed.items.map((item, index): FeedItem => ({
    ...item,
    contentHtml: bodyDigests[index] ?? null,
    contentXml: undefined,
  }));
  const hash = createHash('sha256').update(writerFingerprint(format)).update('\n');
  return `"${hash.update(JSON.stringify({ ...feed, items })).digest('base64url')}"`;
}

const fingerprints = new Map<FeedFormat, string>();

// How this code writes a feed: the output for a fixed feed that uses every field and every escape.
// A change to a serialiser that changes its bytes changes every feed's ETag, with no version to bump.
function writerFingerprint(format: FeedFormat): string {
  let fingerprint = fingerprints.get(format);
  if (!fingerprint) {
    fingerprint = createHash('sha256').update(format).update(serialiseFeed(SAMPLE_FEED, format).body).digest('base64url');
    fingerprints.set(format, fingerprint);
  }
  return fingerprint;
}

const SAMPLE_TEXT = `A & B <i>"q"</i> 'a' &lt; &nbsp; ]]> \u0007 \t\n 👍`;
const SAMPLE_DATE = new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678));
const SAMPLE_ITEM: FeedItem = {
  guid: 'guid',
  title: SAMPLE_TEXT,
  url: 'https://example.com/a?b=1&c=2',
  publishedAt: SAMPLE_DATE,
  updatedAt: SAMPLE_DATE,
  authors: [SAMPLE_TEXT, 'B'],
  categories: [{ slug: 'slug', name: SAMPLE_TEXT }],
  summary: SAMPLE_TEXT,
  image: {
    url: 'https://example.com/i.jpg?w=1&h="2"',
    width: 1200,
    height: null,
    contentType: 'image/jpeg',
    caption: SAMPLE_TEXT,
    credit: SAMPLE_TEXT,
  },
  contentHtml: `<p>${SAMPLE_TEXT}</p>`,
  language: 'pt-BR',
};
const SAMPLE_FEED: Feed = {
  id: 'urn:sample',
  title: SAMPLE_TEXT,
  description: SAMPLE_TEXT,
  siteUrl: 'https://example.com',
  publisher: SAMPLE_TEXT,
  language: 'en-GB',
  updatedAt: SAMPLE_DATE,
  items: [SAMPLE_ITEM, { ...SAMPLE_ITEM, summary: null, image: null, contentHtml: null, language: 'en-GB', authors: [] }],
};
