import { PartnerRateLimiter } from './partner-rate-limiter.js';

describe('PartnerRateLimiter', () => {
  const minute = (n: number) => Date.UTC(2026, 0, 1, 12, n);

  it('allows the limit within one minute, then says how long until the window resets', () => {
    const limiter = new PartnerRateLimiter();
    expect([1, 2, 3].map(() => limiter.take('p', 3, minute(0) + 1000))).toEqual([0, 0, 0]);
    expect(limiter.take('p', 3, minute(0) + 45_500)).toBe(15);
    expect(limiter.take('p', 3, minute(0) + 59_999)).toBe(1);
  });

  it('starts afresh in the next minute, and counts each partner on its own', () => {
    const limiter = new PartnerRateLimiter();
    limiter.take('p', 1, minute(0));
    expect(limiter.take('p', 1, minute(0) + 10)).toBeGreaterThan(0);
    expect(limiter.take('q', 1, minute(0) + 10)).toBe(0);
    expect(limiter.take('p', 1, minute(1))).toBe(0);
  });
});
