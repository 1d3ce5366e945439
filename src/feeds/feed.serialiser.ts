import { buildAtom } from './atom.builder.js';
import type { Feed, FeedFormat } from './feed-item.js';
import { buildJsonFeed } from './json-feed.builder.js';
import { buildRss } from './rss.builder.js';

// Feeds are serialised to the UTF-8 bytes that are sent: XML is written straight into one Buffer
// (xml-document.ts serialiseBytes), never first joined into one string of every body.
const FORMATS: Record<FeedFormat, { contentType: string; build: (feed: Feed) => Buffer }> = {
  rss: { contentType: 'application/rss+xml; charset=utf-8', build: buildRss },
  atom: { contentType: 'application/atom+xml; charset=utf-8', build: buildAtom },
  json: { contentType: 'application/feed+json; charset=utf-8', build: (feed) => Buffer.from(buildJsonFeed(feed), 'utf8') },
};

export function serialiseFeed(feed: Feed, format: FeedFormat): { body: Buffer; contentType: string } {
  const { contentType, build } = FORMATS[format];
  return { body: build(feed), contentType };
}

export function feedContentType(format: FeedFormat): string {
  return FORMATS[format].contentType;
}
