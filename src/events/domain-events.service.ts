import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { Tx } from '../database/tx.js';
import type { ContentChange, ContentChangeInput, ContentRef } from './content-change.js';
import { CONTENT_CHANGE_SUBSCRIBER, type SubscriberPhase } from './on-content-change.decorator.js';

type Handler = (tx: Tx, event: never) => Promise<void>;

// The one way a change reaches the outside. Services decide what changed (Ghost's model) and record
// it once, inside the change's own transaction; subscribers (cache purge, change feed, webhooks,
// re-derivation of dependent articles) are found by discovery (@OnContentChange), so none has to be
// registered by hand or imported by whoever happens to change content. A rolled-back change reaches
// nobody; a committed one reaches everyone.
@Injectable()
export class DomainEvents implements OnModuleInit {
  private readonly subscribers: Record<SubscriberPhase, Handler[]> = { change: [], before: [] };

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit() {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      for (const name of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance) as object)) {
        const method = instance[name] as Handler;
        const phase = this.reflector.get<SubscriberPhase | undefined>(CONTENT_CHANGE_SUBSCRIBER, method);
        if (phase) this.subscribers[phase].push(method.bind(instance));
      }
    }
  }

  /** Records a change: every subscriber runs in `tx`, in the change's transaction. */
  async record(tx: Tx, input: ContentChangeInput): Promise<void> {
    const change: ContentChange = { ...input, type: `${input.entity}.${input.action}`, occurredAt: new Date() };
    for (const subscriber of this.subscribers.change) await subscriber(tx, change as never);
  }

  /**
   * Before a change that may move visible content out of lists (publishing an article's pending
   * changes, unpublishing, purging): subscribers note what is true now, e.g. the lists to purge.
   */
  async begin(tx: Tx, ref: ContentRef): Promise<void> {
    for (const subscriber of this.subscribers.before) await subscriber(tx, ref as never);
  }
}
