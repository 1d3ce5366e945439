import { Injectable } from '@nestjs/common';
import type { Tx } from '../../database/tx.js';
import { NODE_TYPE_OF, type ContentChange } from '../../events/content-change.js';
import { OnContentChange } from '../../events/on-content-change.decorator.js';
import { ChangeFeedRepository } from './change-feed.repository.js';

// Appends every public change, of every content type, to change_events: the log partners mirror from.
@Injectable()
export class ChangeFeedSubscriber {
  constructor(private readonly changes: ChangeFeedRepository) {}

  @OnContentChange()
  async append(tx: Tx, change: ContentChange): Promise<void> {
    await this.changes.append(tx, { action: change.action, entityType: NODE_TYPE_OF[change.entity], entityId: change.id });
  }
}
