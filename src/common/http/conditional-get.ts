import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

// A strong ETag: a hash of the exact bytes, so it changes with any edit, including ones that leave
// every date alone.
export function strongEtag(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

// RFC 9110 section 13.2.2: If-None-Match wins over If-Modified-Since, and compares weakly (W/ ignored on
// both sides). Not Express's req.fresh: it answers 200 to any request with "Cache-Control: no-cache",
// and fetch() adds that to every conditional request.
export function isNotModified(req: Request, res: Response): boolean {
  const noneMatch = req.headers['if-none-match'];
  if (noneMatch !== undefined) {
    const etag = withoutWeakPrefix(String(res.getHeader('ETag')));
    return noneMatch
      .split(',')
      .map((tag) => withoutWeakPrefix(tag.trim()))
      .some((tag) => tag === '*' || tag === etag);
  }
  const modifiedSince = Date.parse(req.headers['if-modified-since'] ?? '');
  const lastModified = Date.parse(String(res.getHeader('Last-Modified') ?? ''));
  return !Number.isNaN(modifiedSince) && !Number.isNaN(lastModified) && lastModified <= modifiedSince;
}

function withoutWeakPrefix(tag: string): string {
  return tag.replace(/^W\//, '');
}
