import { Inject, Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { isNotModified } from '../common/http/conditional-get.js';
import { LOGGER } from '../logging/logging.module.js';
import { cacheKeyOf } from './cacheable-request.js';
import { captureResponse, isShareable } from './response-capture.js';
import { ResponseCacheMetrics } from './response-cache.metrics.js';
import { ResponseKeys } from '../common/response-keys.js';
import { RESPONSE_STORE, type ResponseStore, type StoredResponse } from './response-store.js';

// The public response cache, in front of GraphQL, feeds and sitemaps. A hit is answered here, before
// Apollo or any controller runs. A miss runs normally while the repositories tag it with the content
// it shows (ResponseKeys, attached to the request); those keys go out as Surrogate-Key (for the CDN) and index the stored copy for purging.
@Injectable()
export class ResponseCacheMiddleware {
  constructor(
    @Inject(RESPONSE_STORE) private readonly store: ResponseStore | null,
    private readonly metrics: ResponseCacheMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  readonly handle = (req: Request, res: Response, next: NextFunction): void => {
    const key = cacheKeyOf(req);
    if (key === undefined) return next();
    const store = this.store;
    if (!store) return this.compute(req, res, next, undefined);
    store.get(key).then(
      ({ hit, generation, replayFloor }) => {
        if (hit) return this.replay(req, res, hit);
        this.metrics.miss();
        this.compute(req, res, next, (response) => this.keep(store, key, response, generation, res), replayFloor);
      },
      (error: unknown) => {
        this.logger.warn({ err: error }, 'Response cache unavailable; answering uncached');
        this.compute(req, res, next, undefined);
      },
    );
  };

  private compute(
    req: Request,
    res: Response,
    next: NextFunction,
    onFinish: ((r: StoredResponse) => void) | undefined,
    replayFloor?: bigint,
  ) {
    if (this.store) res.setHeader('X-Cache', 'MISS');
    captureResponse(res, ResponseKeys.attachTo(req, replayFloor), onFinish);
    next();
  }

  private keep(store: ResponseStore, key: string, response: StoredResponse, generation: string, res: Response): void {
    if (!isShareable(response, res.hasHeader('set-cookie'))) return;
    store.set(key, response, generation).then(
      (stored) => this.metrics.stored(stored),
      (error: unknown) => this.logger.warn({ err: error }, 'Could not store a response in the cache'),
    );
  }

  private replay(req: Request, res: Response, hit: StoredResponse): void {
    this.metrics.hit();
    // Vary is merged, not replaced: CORS may have added Origin for the request in hand.
    for (const [name, value] of Object.entries(hit.headers)) {
      if (name === 'vary') res.vary(value);
      else res.setHeader(name, value);
    }
    res.setHeader('X-Cache', 'HIT');
    if (hit.headers.etag && isNotModified(req, res)) {
      res.status(304).end();
      return;
    }
    res.status(hit.status).end(hit.body);
  }
}
