import { Injectable } from '@nestjs/common';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { SharedRateLimiters, type RetryAfter } from '../../rate-limit/shared-rate-limiters.js';

// int4, the rate_limits.points column: the counter never reaches it within a minute.
const UNBOUNDED = 2 ** 31 - 1;

// A one-minute window per partner, shared by every app instance (Redis or PostgreSQL, see
// shared-rate-limiters.ts). Each partner has its own limit, which an admin may change at any time, so
// the store only counts and the limit is applied here. partner_usage keeps the exact daily counts.
@Injectable()
export class PartnerRateLimiter {
  private readonly limiter: RateLimiterAbstract;

  constructor(limiters: SharedRateLimiters) {
    this.limiter = limiters.create({ name: 'partner', points: UNBOUNDED, windowSeconds: 60 });
  }

  /** Counts one request; returns 0 when allowed, else the seconds until the window resets. */
  async take(partnerId: string, limitPerMinute: number): Promise<RetryAfter> {
    let window: RateLimiterRes;
    try {
      window = await this.limiter.consume(partnerId);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      window = rejection;
    }
    return window.consumedPoints > limitPerMinute ? Math.max(1, Math.ceil(window.msBeforeNext / 1000)) : 0;
  }
}
