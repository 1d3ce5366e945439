import type { Feed, FeedItem } from './feed-item.js';
import { addMediaContent, itemContent } from './rss.builder.js';
import { el, optionalElement, serialiseBytes, xmlDocument, type XMLBuilder } from './xml-document.js';

// Atom needs an IRI for every <id>; the article's global id is not one, so it is wrapped in a URN.
export function atomEntryId(guid: string): string {
  return `urn:newsdesk:article:${guid}`;
}

// Atom 1.0 (RFC 4287). The feed-level <author> is the publisher, so entries without a byline stay
// valid; the featured image is an enclosure link plus Media RSS for its caption and credit. Entries
// inherit the feed's xml:lang; one in another language says so on its <entry>.
// Returns the UTF-8 bytes a response sends (xml-document.ts serialiseBytes).
export function buildAtom(feed: Feed): Buffer {
  return serialiseBytes(atomDocument(feed));
}

/** The document tree, for a test that compares serialiseBytes with serialise. */
export function atomDocument(feed: Feed): XMLBuilder {
  const doc = xmlDocument();
  const root = el(doc, 'feed', {
    xmlns: 'http://www.w3.org/2005/Atom',
    'xmlns:media': 'http://search.yahoo.com/mrss/',
    'xml:lang': feed.language,
  });
  el(root, 'id', {}, feed.id);
  el(root, 'title', {}, feed.title);
  el(root, 'subtitle', {}, feed.description);
  el(root, 'link', { rel: 'alternate', type: 'text/html', href: feed.siteUrl });
  // An empty feed has no newest item; the epoch keeps the required element stable for caching.
  el(root, 'updated', {}, (feed.updatedAt ?? new Date(0)).toISOString());
  el(el(root, 'author'), 'name', {}, feed.publisher);
  el(root, 'generator', {}, 'Newsdesk');
  for (const item of feed.items) {
    addEntry(el(root, 'entry', item.language === feed.language ? {} : { 'xml:lang': item.language }), item);
  }
  return doc;
}

function addEntry(entry: XMLBuilder, item: FeedItem): void {
  el(entry, 'id', {}, atomEntryId(item.guid));
  el(entry, 'title', { type: 'text' }, item.title);
  el(entry, 'link', { rel: 'alternate', type: 'text/html', href: item.url });
  el(entry, 'published', {}, item.publishedAt.toISOString());
  el(entry, 'updated', {}, item.updatedAt.toISOString());
  for (const name of item.authors) el(el(entry, 'author'), 'name', {}, name);
  for (const category of item.categories) el(entry, 'category', { term: category.slug, label: category.name });
  if (item.summary) el(entry, 'summary', { type: 'text' }, item.summary);
  optionalElement(entry, 'content', itemContent(item), { type: 'html' });
  if (item.image) {
    el(entry, 'link', { rel: 'enclosure', href: item.image.url, type: item.image.contentType });
    addMediaContent(entry, item.image);
  }
}
