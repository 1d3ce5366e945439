import { Injectable } from '@nestjs/common';

const WINDOW_MS = 60_000;

interface Window {
  start: number;
  count: number;
}

// A fixed one-minute window per partner, counted in this process's memory. With N app instances
// behind a load balancer a partner may get up to N x its limit; sharing the count across instances
// needs a per-minute counter table (partner_id, minute, count), which the schema does not have yet.
// partner_usage counts per day in PostgreSQL and stays exact whatever the number of instances.
@Injectable()
export class PartnerRateLimiter {
  private readonly windows = new Map<string, Window>();

  /** Counts one request; returns 0 when allowed, else the seconds until the window resets. */
  take(partnerId: string, limitPerMinute: number, now = Date.now()): number {
    const start = now - (now % WINDOW_MS);
    const window = this.windows.get(partnerId);
    if (!window || window.start !== start) {
      this.prune(start);
      this.windows.set(partnerId, { start, count: 1 });
      return 0;
    }
    if (window.count >= limitPerMinute) return Math.max(1, Math.ceil((start + WINDOW_MS - now) / 1000));
    window.count += 1;
    return 0;
  }

  // Old windows are dropped lazily, so partners that stopped pulling do not pile up.
  private prune(currentStart: number) {
    for (const [id, window] of this.windows) if (window.start < currentStart) this.windows.delete(id);
  }
}
