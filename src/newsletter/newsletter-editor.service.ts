import type { PageRequest } from '../common/pagination/page-request.js';
import { buildConnection } from '../common/pagination/build-connection.js';
import type { Connection } from '../common/pagination/connection.js';
import { NewsletterSubscriberModel } from './admin/newsletter-subscriber.model.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../access/actor.js';
import { AuditService } from '../audit/audit.service.js';
import type { NewsletterSubscriber } from '../generated/prisma/client.js';
import { csvField } from './subscriber-csv.js';
import { NewsletterSubscriberRepository, SUBSCRIBER_PAGES } from './newsletter-subscriber.repository.js';
import type { SubscriberStatus } from './newsletter.schema.js';

const BATCH_SIZE = 1000;

// Editors' view of the list: pages of subscribers, and the confirmed ones as CSV for a mailing tool.
// Exporting personal data is audited.
@Injectable()
export class NewsletterEditorService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly subscribers: NewsletterSubscriberRepository,
    private readonly audit: AuditService,
  ) {}

  /** A page of subscribers, newest first (editors: see the operations' @Requires). */
  async list(filter: { status?: SubscriberStatus }, page: PageRequest): Promise<Connection<NewsletterSubscriberModel>> {
    const rows = await this.subscribers.list(filter, page);
    const cursorOf = (row: NewsletterSubscriber) => SUBSCRIBER_PAGES.cursorOf(row);
    return buildConnection(rows, page, cursorOf, () => this.subscribers.count(filter), NewsletterSubscriberModel.fromRow);
  }

  /** Records who exported the list; then yield CSV lines from confirmedCsv(). */
  async recordExport(actor: Actor): Promise<void> {
    await this.transactions.run((tx) =>
      this.audit.record(tx, actor, { action: 'newsletter.subscribers_exported', entityType: 'NewsletterSubscriber' }),
    );
  }

  /** Header line, then one line per confirmed subscriber, read in batches so any list size fits. */
  async *confirmedCsv(): AsyncGenerator<string> {
    yield 'email,confirmed_at\r\n';
    let afterId: string | undefined;
    for (;;) {
      const batch = await this.subscribers.confirmedBatch(afterId, BATCH_SIZE);
      for (const row of batch) yield `${csvField(row.email)},${row.confirmedAt?.toISOString() ?? ''}\r\n`;
      if (batch.length < BATCH_SIZE) return;
      afterId = batch.at(-1)!.id;
    }
  }
}
