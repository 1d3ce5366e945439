import { retryDelayMs } from './job-backoff.js';

describe('retryDelayMs', () => {
  it('doubles with each attempt', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4].map((attempts) => retryDelayMs(attempts, middle))).toEqual([2000, 4000, 8000, 16000]);
  });

  it('is capped at an hour', () => {
    expect(retryDelayMs(12, () => 0.5)).toBe(3_600_000);
    expect(retryDelayMs(50, () => 0.5)).toBe(3_600_000);
  });

  it('spreads retries by at most 20% either way', () => {
    expect(retryDelayMs(3, () => 0)).toBe(6400);
    expect(retryDelayMs(3, () => 0.999999)).toBeCloseTo(9600, -1);
  });
});
