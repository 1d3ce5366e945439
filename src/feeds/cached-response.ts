import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

export interface CachedBody {
  readonly body: string;
  readonly contentType: string;
  /** Newest content in the body; null when there is none (an empty feed). */
  readonly lastModified: Date | null;
  /** Partner-scoped responses must not be shared by caches between partners. */
  readonly private: boolean;
}

// Conditional GET for feeds and sitemaps. The ETag hashes the exact bytes, so it is strong and changes
// with any edit, including ones that leave every date alone.
export function sendCached(req: Request, res: Response, reply: CachedBody, maxAge: number): void {
  res.setHeader('Content-Type', reply.contentType);
  res.setHeader('ETag', `"${createHash('sha256').update(reply.body).digest('base64url')}"`);
  if (reply.lastModified) res.setHeader('Last-Modified', reply.lastModified.toUTCString());
  res.setHeader('Cache-Control', `${reply.private ? 'private' : 'public'}, max-age=${maxAge}`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (isNotModified(req, res)) {
    res.status(304).end();
    return;
  }
  res.status(200).send(reply.body);
}

// RFC 9110 section 13.2.2: If-None-Match wins over If-Modified-Since. Not Express's req.fresh: it answers
// 200 to any request with "Cache-Control: no-cache", and fetch() adds that to every conditional request.
export function isNotModified(req: Request, res: Response): boolean {
  const noneMatch = req.headers['if-none-match'];
  if (noneMatch !== undefined) {
    const etag = String(res.getHeader('ETag'));
    return noneMatch
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === '*' || tag === etag);
  }
  const modifiedSince = Date.parse(req.headers['if-modified-since'] ?? '');
  const lastModified = Date.parse(String(res.getHeader('Last-Modified') ?? ''));
  return !Number.isNaN(modifiedSince) && !Number.isNaN(lastModified) && lastModified <= modifiedSince;
}
