import { DomainError } from '../common/domain-error.js';

// The closed set of errors the users feature raises.
export const UserErrors = {
  notFound: (id: string) => new DomainError('NOT_FOUND', `No user with id ${id}`, { id }),
  noSuchEmail: (email: string) => new DomainError('NOT_FOUND', `No user with the email ${email}`, { email }),
  emailTaken: (email: string) =>
    new DomainError('CONFLICT', `A user with the email ${email} already exists`, { field: 'email', email }),
  unknownAuthor: (path: string) => DomainError.badInput([{ path, message: 'no such author' }]),
  lastAdmin: () =>
    new DomainError('CONFLICT', 'At least one enabled admin must remain: promote or enable another admin first', {
      reason: 'LAST_ADMIN',
    }),
};
