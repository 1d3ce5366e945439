import { DomainError } from '../../common/domain-error.js';

// The closed set of errors of syndication partners. A wrong and a disabled key get the same answer,
// so a caller cannot learn which keys once existed.
export const PartnerErrors = {
  invalidKey: () => new DomainError('UNAUTHENTICATED', 'Unknown or disabled partner key'),
  keyRequired: () => new DomainError('UNAUTHENTICATED', 'Send a partner key: header X-Partner-Key, or ?key= on feed URLs'),
  rateLimited: (retryAfterSeconds: number) =>
    new DomainError('RATE_LIMITED', `Rate limit reached; try again in ${retryAfterSeconds} seconds`, { retryAfterSeconds }),
  notFound: (id: string) => new DomainError('NOT_FOUND', `No partner with id ${id}`, { id }),
};
