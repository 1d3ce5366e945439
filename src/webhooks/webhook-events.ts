import { CONTENT_EVENT_TYPES, type ContentEventType } from '../events/content-change.js';

// The events an endpoint may subscribe to: every public content event (src/events), by its type.
export const WEBHOOK_EVENTS: readonly ContentEventType[] = CONTENT_EVENT_TYPES;

export type WebhookEvent = ContentEventType;

export const DELIVER_WEBHOOK_JOB = 'webhook.deliver';

// A receiver that is down for a while still gets the event: 8 attempts with the queue's exponential
// backoff (2, 4, ... 128 s between them) span about four minutes.
export const WEBHOOK_MAX_ATTEMPTS = 8;
