import { DomainError } from '../common/domain-error.js';

// The closed set of errors of access rules; tests and the Studio match these messages.
export const AccessErrors = {
  notLoggedIn: () => new DomainError('UNAUTHENTICATED', 'Log in first: send Authorization: Bearer <access token or API token>'),
  roleTooLow: (role: string, minimum: string, action: string) =>
    new DomainError(
      'FORBIDDEN',
      `Your role (${role.toLowerCase()}) may not ${action}; it takes ${minimum.toLowerCase()} or above`,
    ),
  // A bug in the server, not the caller's fault; still FORBIDDEN, so the refusal reaches the client
  // (and the test that found it) instead of hiding as an internal error.
  undeclaredRule: (operation: string) =>
    new DomainError('FORBIDDEN', `${operation} declares no access rule (@Requires or @AllowAnonymous), so nobody may use it`),
};
