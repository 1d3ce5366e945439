import { DomainError } from '../common/domain-error.js';

// The closed set of errors the webhooks feature raises.
export const WebhookErrors = {
  endpointNotFound: (id: string) => new DomainError('NOT_FOUND', `No webhook endpoint with id ${id}`, { id }),
  deliveryNotFound: (id: string) => new DomainError('NOT_FOUND', `No webhook delivery with id ${id}`, { id }),
  stillPending: () => new DomainError('CONFLICT', 'The delivery is still being attempted: wait until it succeeds or fails'),
  refusedTarget: (path: string, reason: string) => DomainError.badInput([{ path, message: reason }]),
};
