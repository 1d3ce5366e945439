import type { NextFunction, Request, Response } from 'express';
import { isNotModified, strongEtag } from '../common/http/conditional-get.js';

const UTF8_TYPE = /;\s*charset=utf-8\b/i;

/**
 * Conditional GET for GraphQL queries sent with GET (what CDNs and browsers cache): a strong ETag over
 * the exact response bytes, and 304 when If-None-Match names it. Cache hits are answered the same way
 * by the response cache, from the ETag stored with the entry.
 */
export function graphqlConditionalGet(req: Request, res: Response, next: NextFunction): void {
  if (req.method !== 'GET') return next();
  const send = res.send;
  // Apollo's Express integration answers with one res.send of the serialised result.
  res.send = function (this: Response, body?: unknown) {
    res.send = send;
    if (res.statusCode !== 200 || (typeof body !== 'string' && !Buffer.isBuffer(body))) return send.call(this, body);
    // Encoded once: the ETag hashes the bytes the socket then writes. Given the string, the hash and
    // Express (for Content-Length) would each encode the ~30 KB page, and the response cache a third time.
    // Only where the type already says UTF-8 (Apollo's always does): for a string, Express would add it.
    const bytes =
      typeof body === 'string' && UTF8_TYPE.test(String(res.getHeader('Content-Type'))) ? Buffer.from(body, 'utf8') : body;
    res.setHeader('ETag', strongEtag(bytes));
    if (!isNotModified(req, res)) return send.call(this, bytes);
    // Express drops the body and the content headers of a 304.
    res.status(304);
    return send.call(this, '');
  } as Response['send'];
  next();
}
