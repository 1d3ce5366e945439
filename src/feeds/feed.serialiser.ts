import { buildAtom } from './atom.builder.js';
import type { Feed, FeedFormat } from './feed-item.js';
import { buildJsonFeed } from './json-feed.builder.js';
import { buildRss } from './rss.builder.js';

const FORMATS: Record<FeedFormat, { contentType: string; build: (feed: Feed) => string }> = {
  rss: { contentType: 'application/rss+xml; charset=utf-8', build: buildRss },
  atom: { contentType: 'application/atom+xml; charset=utf-8', build: buildAtom },
  json: { contentType: 'application/feed+json; charset=utf-8', build: buildJsonFeed },
};

export function serialiseFeed(feed: Feed, format: FeedFormat): { body: string; contentType: string } {
  const { contentType, build } = FORMATS[format];
  return { body: build(feed), contentType };
}

export function feedContentType(format: FeedFormat): string {
  return FORMATS[format].contentType;
}
