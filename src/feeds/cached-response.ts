import type { Request, Response } from 'express';
import { isNotModified, strongEtag } from '../common/http/conditional-get.js';

export interface CachedBody {
  readonly body: string;
  readonly contentType: string;
  /** Newest content in the body; null when there is none (an empty feed). */
  readonly lastModified: Date | null;
  /** Partner-scoped responses must not be shared by caches between partners. */
  readonly private: boolean;
}

// Conditional GET for feeds and sitemaps.
export function sendCached(req: Request, res: Response, reply: CachedBody, maxAge: number): void {
  res.setHeader('Content-Type', reply.contentType);
  res.setHeader('ETag', strongEtag(reply.body));
  if (reply.lastModified) res.setHeader('Last-Modified', reply.lastModified.toUTCString());
  res.setHeader('Cache-Control', `${reply.private ? 'private' : 'public'}, max-age=${maxAge}`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (isNotModified(req, res)) {
    res.status(304).end();
    return;
  }
  res.status(200).send(reply.body);
}
