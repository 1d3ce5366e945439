// The events an endpoint may subscribe to: the public content events (src/events), by their type.
export const WEBHOOK_EVENTS = ['article.published', 'article.updated', 'article.unpublished', 'article.deleted'] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const DELIVER_WEBHOOK_JOB = 'webhook.deliver';

// A receiver that is down for a while still gets the event: 8 attempts with the queue's exponential
// backoff (2, 4, ... 128 s between them) span about four minutes.
export const WEBHOOK_MAX_ATTEMPTS = 8;
