import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../../common/domain-error.js';
import { presentedKey } from '../../common/http/partner-key.js';
import { PartnerAccessService } from './partner-access.service.js';
import type { RequestWithPartner } from './partner-scope.js';

// Sets req.partner on /feeds and /syndication requests that present a key: header X-Partner-Key, or
// ?key= for feed readers that cannot send headers. No key means anonymous (public feeds still work;
// routes that need a partner refuse). A bad key is refused here rather than served anonymously, so a
// partner with a revoked key notices.
@Injectable()
export class PartnerMiddleware implements NestMiddleware {
  constructor(private readonly access: PartnerAccessService) {}

  async use(req: Request & RequestWithPartner, res: Response, next: NextFunction): Promise<void> {
    const key = presentedKey(req);
    // Nest runs it once per matching route pattern ('feeds' and 'feeds/{*path}' both match a feed):
    // a request is counted once, against the rate limit and the usage.
    if (key === undefined || req.partner) return next();
    try {
      req.partner = await this.access.authenticate(key);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'RATE_LIMITED') {
        res.setHeader('Retry-After', String(error.details.retryAfterSeconds));
      }
      // Thrown, not passed to next(): Nest's middleware proxy hands it to the app's exception filter.
      throw error;
    }
    next();
  }
}
