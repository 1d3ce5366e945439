import type { Request, Response } from 'express';
import { isNotModified, strongEtag } from '../common/http/conditional-get.js';

export interface CacheValidators {
  readonly contentType: string;
  /** A strong ETag for the body; feeds compute theirs without the body (feed-etag.ts). */
  readonly etag: string;
  /** Newest content in the body; null when there is none (an empty feed). */
  readonly lastModified: Date | null;
  /** Partner-scoped responses must not be shared by caches between partners. */
  readonly private: boolean;
}

export interface CachedBody extends Omit<CacheValidators, 'etag'> {
  /** As a string or already encoded (UTF-8), as feeds are. */
  readonly body: string | Buffer;
  /** Default: a hash of the body. */
  readonly etag?: string;
}

/** Whether the request asks "only if changed", so that validators computed cheaply first may settle it. */
export function isConditionalRequest(req: Request): boolean {
  return req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined;
}

/** Sets the caching headers and answers 304 when the reader's copy is current; false when it is not. */
export function answeredNotModified(req: Request, res: Response, validators: CacheValidators, maxAge: number): boolean {
  res.setHeader('Content-Type', validators.contentType);
  res.setHeader('ETag', validators.etag);
  if (validators.lastModified) res.setHeader('Last-Modified', validators.lastModified.toUTCString());
  res.setHeader('Cache-Control', `${validators.private ? 'private' : 'public'}, max-age=${maxAge}`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (!isNotModified(req, res)) return false;
  res.status(304).end();
  return true;
}

// Conditional GET for feeds and sitemaps.
export function sendCached(req: Request, res: Response, reply: CachedBody, maxAge: number): void {
  const validators = { ...reply, etag: reply.etag ?? strongEtag(reply.body) };
  if (answeredNotModified(req, res, validators, maxAge)) return;
  // Encoded once, into the Buffer the socket writes: given a string, Node measures it twice more
  // (Content-Length here, again in res.end) before encoding it. A full-text feed is ~400 KB, and a
  // two-byte string as soon as one character is not Latin-1 (a teaser's "…"); feeds arrive encoded
  // (feed.serialiser.ts). HEAD sends no body.
  const bytes = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
  res.status(200).setHeader('Content-Length', bytes.length);
  res.end(bytes);
}
