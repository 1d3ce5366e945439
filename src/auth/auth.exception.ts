import { DomainError } from '../common/domain-error.js';

// The closed set of errors of logins, sessions and API tokens. The login error is the same whatever
// went wrong (unknown email, wrong password, disabled account), so it never reveals who has an account.
export const AuthErrors = {
  invalidCredentials: () => new DomainError('UNAUTHENTICATED', 'Invalid email or password'),
  rateLimited: (retryAfterSeconds: number) =>
    new DomainError('RATE_LIMITED', `Too many failed logins; try again in ${retryAfterSeconds} seconds`, { retryAfterSeconds }),
  malformedAuthorization: () => new DomainError('UNAUTHENTICATED', 'Authorization must be "Bearer <token>"'),
  invalidToken: () => new DomainError('UNAUTHENTICATED', 'The token is invalid, expired or revoked'),
  invalidRefreshToken: () => new DomainError('UNAUTHENTICATED', 'The refresh token is invalid, expired or revoked; log in again'),
  noSession: () =>
    DomainError.badInput([
      { path: 'input.refreshToken', message: 'API tokens have no session: send a refresh token, or revoke the API token' },
    ]),
  apiTokenNotFound: (id: string) => new DomainError('NOT_FOUND', `No API token with id ${id}`, { id }),
};
