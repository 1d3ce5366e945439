import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client.js';

export type ContentAction = 'published' | 'updated' | 'unpublished' | 'deleted';

// A change the public can see (or stop seeing). Services decide what changed (Ghost's model) and emit
// one event per state change, inside the transaction of the change.
export interface ContentEvent {
  /** e.g. "article.published" */
  readonly type: string;
  readonly action: ContentAction;
  readonly entityType: 'Article';
  readonly entityId: string;
  readonly occurredAt: Date;
}

export interface ContentEventListener {
  /** Runs inside the change's transaction: write rows and enqueue jobs with `tx` only. */
  onContentEvent(tx: Prisma.TransactionClient, event: ContentEvent): Promise<void>;
}

// Fans each event out to the change feed, webhooks and cache purging, all in the same transaction,
// so no listener ever hears of a change that rolled back, or misses one that committed.
@Injectable()
export class ContentEventsService {
  private readonly listeners: ContentEventListener[] = [];

  register(listener: ContentEventListener): void {
    this.listeners.push(listener);
  }

  async emit(tx: Prisma.TransactionClient, event: Omit<ContentEvent, 'type' | 'occurredAt'>): Promise<void> {
    const full: ContentEvent = { ...event, type: `${event.entityType.toLowerCase()}.${event.action}`, occurredAt: new Date() };
    for (const listener of this.listeners) await listener.onContentEvent(tx, full);
  }
}
