/**
 * Where the application reads the time for anything that is due: scheduled publishing, job retries,
 * the lead a schedule needs. Injected, so that tests move time forward instead of waiting for it
 * (test/utils/clock.ts). Lock expiry and row timestamps stay on the database's own clock: they measure
 * real elapsed time, not "is it due yet".
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
