import { toGlobalId } from '../common/global-id.js';
import type { ContentEvent } from '../events/content-events.service.js';

export interface WebhookPayload {
  /** The delivery id: receivers use it as an idempotency key. */
  id: string;
  event: string;
  occurredAt: string;
  data: { article: object };
}

/**
 * `article` is the article as the public API shows it (articles/public-article.ts), or null once it is
 * no longer public: unpublished and deleted articles may already hold unreleased edits (or be gone),
 * so such events name only the article.
 */
export function webhookPayload(deliveryId: string, event: ContentEvent, article: object | null): WebhookPayload {
  return {
    id: deliveryId,
    event: event.type,
    occurredAt: event.occurredAt.toISOString(),
    data: { article: article ?? { id: toGlobalId('Article', event.entityId) } },
  };
}
