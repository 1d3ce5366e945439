import { TransactionRunner } from '../../database/transaction-runner.js';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { ArticleBody } from '../body/article-body.schema.js';
import { sanitizeBodyEmbeds } from '../body/embed-policy.js';
import { DomainEvents } from '../../events/domain-events.service.js';
import { StoredEmbedsRepository, type StoredBodies } from './stored-embeds.repository.js';

const BATCH = 200;

// Bodies saved before embed HTML was sanitised on write still hold it raw. This runs every stored
// body (live and pending) through the embed policy once, as the job a migration enqueued, and
// writes back only what changed. Idempotent: sanitised markup comes back unchanged.
@Injectable()
export class StoredEmbedsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly bodies: StoredEmbedsRepository,
    private readonly events: DomainEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Returns how many articles changed. */
  async sanitiseAll(): Promise<number> {
    let changed = 0;
    let afterId: string | null = null;
    for (;;) {
      const rows: StoredBodies[] = await this.bodies.findWithEmbedHtml(afterId, BATCH);
      for (const row of rows) if (await this.sanitise(row)) changed++;
      if (rows.length < BATCH) return changed;
      afterId = rows.at(-1)!.id;
    }
  }

  private async sanitise(row: StoredBodies): Promise<boolean> {
    const body = this.clean(row.body);
    const pending = row.pendingChanges as { body?: unknown } | null;
    const pendingChanges = pending && Array.isArray(pending.body) ? { ...pending, body: this.clean(pending.body) } : pending;
    if (JSON.stringify(body) === JSON.stringify(row.body) && JSON.stringify(pendingChanges) === JSON.stringify(pending)) {
      return false;
    }
    await this.transactions.run(async (tx) => {
      await this.bodies.replaceStoredBodies(tx, { ...row, body, pendingChanges });
      // The public body JSON changed: caches, partners and webhooks hear of it like any edit.
      if (row.status === 'PUBLISHED' && !row.deletedAt)
        await this.events.record(tx, { entity: 'article', action: 'updated', id: row.id });
    });
    return true;
  }

  private clean(body: unknown): unknown {
    return Array.isArray(body) ? sanitizeBodyEmbeds(body as ArticleBody, this.config.embeds) : body;
  }
}
