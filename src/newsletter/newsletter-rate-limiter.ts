import { Inject, Injectable } from '@nestjs/common';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { consume, SharedRateLimiters } from '../rate-limit/shared-rate-limiters.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { NewsletterErrors } from './newsletter.exception.js';

// Signups per IP and per email per hour (NEWSLETTER_SIGNUPS_PER_HOUR), so the form cannot be used to
// mail-bomb an address or to fill the table. Counted for all instances together (Redis or PostgreSQL,
// see shared-rate-limiters.ts). Only accepted requests count: a refusal on the address gives the IP
// its point back.
@Injectable()
export class NewsletterRateLimiter {
  private readonly limiter: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) config: AppConfig, limiters: SharedRateLimiters) {
    this.limiter = limiters.create({ name: 'newsletter', points: config.newsletter.signupsPerHour, windowSeconds: 3600 });
  }

  /** Counts one signup for both keys, or throws RATE_LIMITED (counting nothing) when either is spent. */
  async take(ip: string, email: string): Promise<void> {
    const ipWait = await consume(this.limiter, `ip:${ip}`);
    if (ipWait > 0) throw NewsletterErrors.rateLimited(ipWait);
    const emailWait = await consume(this.limiter, `email:${email}`);
    if (emailWait === 0) return;
    await this.limiter.reward(`ip:${ip}`, 1);
    throw NewsletterErrors.rateLimited(emailWait);
  }
}
