import { Clock } from '../../src/common/clock/clock.js';

/**
 * Real time plus an offset the test moves: "an hour later" is `advance(3_600_000)`, not an hour's wait.
 * Time still runs, so everything that is not due-ness (timeouts, polling) behaves as in production.
 */
export class TestClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
