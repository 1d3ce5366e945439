import { createHash } from 'node:crypto';
import { escapeXmlText } from '../../common/xml-text.js';

// What a full-text feed needs of an article's body HTML besides the HTML itself: the text RSS and
// Atom write (the HTML escaped as XML text) and the digest the feed's ETag is made of. Both are derived
// with body_html when an article is written (article-derivation.ts) and stored beside it, so a 50-item
// feed neither escapes nor hashes ~400 KB of HTML per request.

/** The digest of one item's body HTML; the same value PostgreSQL's md5() gives (feeds/feed-body.repository.ts). */
export function bodyDigest(html: string): string {
  return createHash('md5').update(html, 'utf8').digest('hex');
}

/** The stored feed forms of a body's HTML (articles.body_xml, articles.body_digest). */
export function feedBodyFields(html: string): { bodyXml: string; bodyDigest: string } {
  return { bodyXml: escapeXmlText(html), bodyDigest: bodyDigest(html) };
}
