import type { Tx } from '../database/tx.js';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { AuthErrors } from './auth.exception.js';
import { LoginAttemptRepository } from './login-attempt.repository.js';

// Limits password guessing per account and per IP, across every app instance (the attempts live in
// the database). An account's count restarts at its last successful login; an IP's does not, or one
// valid account would let its owner keep guessing others' passwords. Refused attempts are not
// recorded, so a locked-out user retrying does not push their own lock further out.
// An attempt is reserved before its password is checked, as a failure until it proves otherwise, and
// the check-and-reserve runs under a lock per email and per IP: however many guesses arrive at once,
// no more than the limit get past it.
@Injectable()
export class LoginRateLimiter {
  constructor(
    private readonly attempts: LoginAttemptRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Reserves an attempt for the email and the IP and returns its id (pass it to recordSuccess when
   * the password matches); throws RATE_LIMITED (with retryAfterSeconds) when either has none left.
   */
  reserve(email: string, ip: string, now: Date): Promise<string> {
    const { loginMaxAttempts: max, loginWindowSeconds } = this.config.auth;
    const windowMs = loginWindowSeconds * 1000;
    const since = new Date(now.getTime() - windowMs);
    return this.attempts.withKeysLocked([`email:${email}`, `ip:${ip}`], async (tx) => {
      const forEmail = await this.attempts.latestForEmail(email, since, max, tx);
      const forIp = await this.attempts.latestFailuresFromIp(ip, since, max, tx);
      const emailFailures = forEmail.slice(0, firstSuccess(forEmail));
      const blockedUntil = Math.max(unblockTime(emailFailures, max, windowMs), unblockTime(forIp, max, windowMs));
      if (blockedUntil > now.getTime()) {
        throw AuthErrors.rateLimited(Math.max(1, Math.ceil((blockedUntil - now.getTime()) / 1000)));
      }
      return this.attempts.record({ email, ip, succeeded: false, at: now }, tx);
    });
  }

  recordSuccess(tx: Tx, attemptId: string): Promise<void> {
    return this.attempts.markSucceeded(tx, attemptId);
  }
}

function firstSuccess(attempts: { succeeded: boolean }[]): number {
  const index = attempts.findIndex((attempt) => attempt.succeeded);
  return index < 0 ? attempts.length : index;
}

// Failures are newest first: the limit lifts when the max-th newest one leaves the window.
function unblockTime(failures: { createdAt: Date }[], max: number, windowMs: number): number {
  return failures.length >= max ? failures[max - 1]!.createdAt.getTime() + windowMs : 0;
}
