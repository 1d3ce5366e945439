import { toGlobalId } from '../common/global-id.js';
import { NODE_TYPE_OF, type ContentChange } from '../events/content-change.js';

export interface WebhookPayload {
  /** The delivery id: receivers use it as an idempotency key. */
  id: string;
  event: string;
  occurredAt: string;
  /** Keyed by the entity: { article: ... }, { tag: ... }... */
  data: Record<string, object>;
}

/**
 * The entity as the public API shows it (for articles, articles/public-article.ts), keyed by its kind;
 * once it is no longer public, only its id: unpublished and deleted content may already hold
 * unreleased edits (or be gone).
 */
export function webhookPayload(deliveryId: string, change: ContentChange, current: object | null): WebhookPayload {
  return {
    id: deliveryId,
    event: change.type,
    occurredAt: change.occurredAt.toISOString(),
    data: { [change.entity]: current ?? { id: toGlobalId(NODE_TYPE_OF[change.entity], change.id) } },
  };
}
