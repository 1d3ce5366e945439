import type { NextFunction, Request, Response } from 'express';
import { isNotModified, strongEtag } from '../common/http/conditional-get.js';

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
    res.setHeader('ETag', strongEtag(body));
    if (!isNotModified(req, res)) return send.call(this, body);
    // Express drops the body and the content headers of a 304.
    res.status(304);
    return send.call(this, '');
  } as Response['send'];
  next();
}
