import { SetMetadata } from '@nestjs/common';

export const CONTENT_CHANGE_SUBSCRIBER = Symbol('contentChangeSubscriber');

export type SubscriberPhase = 'change' | 'before';

/**
 * Marks a provider method as a subscriber of the content change stream: `(tx, change)` for every
 * recorded change, or with `'before'`, `(tx, ref)` just before a change that may move content out of
 * lists. It runs inside the change's transaction: write rows and enqueue jobs with `tx` only.
 */
export const OnContentChange = (phase: SubscriberPhase = 'change') => SetMetadata(CONTENT_CHANGE_SUBSCRIBER, phase);
