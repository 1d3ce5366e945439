import { DomainError } from '../common/domain-error.js';

// The newsletter's closed set of failures.
export const NewsletterErrors = {
  invalidLink: () => new DomainError('BAD_USER_INPUT', 'This link is invalid or has expired'),
  rateLimited: (retryAfterSeconds: number) =>
    new DomainError('RATE_LIMITED', `Too many signup requests; try again in ${retryAfterSeconds} seconds`, { retryAfterSeconds }),
};
