import type { Feed, FeedImage, FeedItem } from './feed-item.js';
import { el, EscapedText, optionalElement, serialiseBytes, xmlDocument, type XMLBuilder } from './xml-document.js';

const NAMESPACES = {
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
  'xmlns:media': 'http://search.yahoo.com/mrss/',
};

// RSS 2.0 with the usual extensions: dc:creator for bylines (RSS <author> must be an e-mail),
// content:encoded for the body, Media RSS for the featured image with its caption and credit, and
// dc:language on an item whose language is not the channel's.
// HTML goes in as escaped text rather than CDATA, so "]]>" in a body can never end it early.
// Returns the UTF-8 bytes a response sends (xml-document.ts serialiseBytes).
export function buildRss(feed: Feed): Buffer {
  return serialiseBytes(rssDocument(feed));
}

/** The document tree, for a test that compares serialiseBytes with serialise. */
export function rssDocument(feed: Feed): XMLBuilder {
  const doc = xmlDocument();
  const channel = el(el(doc, 'rss', { version: '2.0', ...NAMESPACES }), 'channel');
  el(channel, 'title', {}, feed.title);
  el(channel, 'link', {}, feed.siteUrl);
  el(channel, 'description', {}, feed.description);
  el(channel, 'language', {}, rssLanguage(feed.language));
  el(channel, 'generator', {}, 'Newsdesk');
  if (feed.updatedAt) el(channel, 'lastBuildDate', {}, feed.updatedAt.toUTCString());
  for (const item of feed.items) addItem(el(channel, 'item'), item, feed.language);
  return doc;
}

// RSS's language codes are lower case (en-gb), as RSS 2.0 and the W3C list it points to write them.
function rssLanguage(tag: string): string {
  return tag.toLowerCase();
}

function addItem(item: XMLBuilder, entry: FeedItem, channelLanguage: string): void {
  el(item, 'title', {}, entry.title);
  el(item, 'link', {}, entry.url);
  el(item, 'guid', { isPermaLink: 'false' }, entry.guid);
  el(item, 'pubDate', {}, entry.publishedAt.toUTCString());
  el(item, 'atom:updated', {}, entry.updatedAt.toISOString());
  for (const author of entry.authors) el(item, 'dc:creator', {}, author);
  if (entry.language !== channelLanguage) el(item, 'dc:language', {}, rssLanguage(entry.language));
  for (const category of entry.categories) el(item, 'category', {}, category.name);
  optionalElement(item, 'description', entry.summary);
  optionalElement(item, 'content:encoded', itemContent(entry));
  if (entry.image) addMediaContent(item, entry.image);
}

/** The body as XML text: stored escaped when the feed read it so, else escaped here (shared with Atom). */
export function itemContent(entry: FeedItem): string | EscapedText | null {
  return entry.contentXml != null ? new EscapedText(entry.contentXml) : entry.contentHtml;
}

/** Media RSS: the image with its caption and credit (shared with the Atom builder). */
export function addMediaContent(parent: XMLBuilder, image: FeedImage): void {
  const media = el(parent, 'media:content', {
    url: image.url,
    medium: 'image',
    type: image.contentType,
    width: image.width,
    height: image.height,
  });
  if (image.caption) el(media, 'media:description', { type: 'plain' }, image.caption);
  optionalElement(media, 'media:credit', image.credit);
}
