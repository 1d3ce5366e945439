import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { NewsletterErrors } from './newsletter.exception.js';

const WINDOW_MS = 3_600_000;
// Bounds memory under a flood of distinct addresses: beyond this, expired windows are swept.
const SWEEP_THRESHOLD = 10_000;

// Signups per IP and per email per hour (NEWSLETTER_SIGNUPS_PER_HOUR), so the form cannot be used to
// mail-bomb an address or to fill the table. Counted in this process's memory: the schema has no
// table for it, and with N instances behind a balancer the effective limit is at most N times the
// setting, which still stops both abuses. Only accepted requests count, as for logins.
@Injectable()
export class NewsletterRateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Counts one signup for both keys, or throws RATE_LIMITED (counting nothing) when either is spent. */
  take(ip: string, email: string, now = Date.now()): void {
    const keys = [`ip:${ip}`, `email:${email}`];
    const max = this.config.newsletter.signupsPerHour;
    const current = keys.map((key) => this.current(key, now));
    const spent = current.find((window) => window.count >= max);
    if (spent) throw NewsletterErrors.rateLimited(Math.max(1, Math.ceil((spent.startedAt + WINDOW_MS - now) / 1000)));
    for (const window of current) window.count += 1;
  }

  private current(key: string, now: number) {
    const existing = this.windows.get(key);
    if (existing && now - existing.startedAt < WINDOW_MS) return existing;
    if (this.windows.size >= SWEEP_THRESHOLD) this.sweep(now);
    const fresh = { startedAt: now, count: 0 };
    this.windows.set(key, fresh);
    return fresh;
  }

  private sweep(now: number) {
    for (const [key, window] of this.windows) if (now - window.startedAt >= WINDOW_MS) this.windows.delete(key);
  }
}
