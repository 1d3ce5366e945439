import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/tx.js';
import type { ContentChange } from '../events/content-change.js';
import { OnContentChange } from '../events/on-content-change.decorator.js';
import type { Prisma } from '../generated/prisma/client.js';
import { JobQueueService } from '../jobs/job-queue.service.js';
import { PublicContentReader } from './public-content.reader.js';
import { DELIVER_WEBHOOK_JOB, WEBHOOK_MAX_ATTEMPTS } from './webhook-events.js';
import { webhookPayload } from './webhook-payload.mapper.js';
import { WebhookRepository } from './webhook.repository.js';

// Turns each content change into one delivery per subscribed endpoint, with its job, in the change's
// own transaction: a delivery exists exactly when its change committed, and survives any restart.
@Injectable()
export class WebhookEventListener {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly queue: JobQueueService,
    private readonly content: PublicContentReader,
  ) {}

  @OnContentChange()
  async onContentChange(tx: Tx, change: ContentChange): Promise<void> {
    const endpoints = await this.webhooks.findSubscribed(tx, change.type);
    if (endpoints.length === 0) return;
    // What it is now, inside the transaction: what the public sees once this commits.
    const current = change.action === 'published' || change.action === 'updated' ? await this.content.read(tx, change) : null;
    for (const endpoint of endpoints) {
      // Chosen here so the stored payload carries its own id and is exactly the body sent.
      const id = randomUUID();
      const payload = webhookPayload(id, change, current);
      await this.webhooks.createDelivery(tx, {
        id,
        endpointId: endpoint.id,
        event: change.type,
        payload: payload as unknown as Prisma.InputJsonValue,
      });
      await this.queue.enqueue(tx, { name: DELIVER_WEBHOOK_JOB, payload: { deliveryId: id }, maxAttempts: WEBHOOK_MAX_ATTEMPTS });
    }
  }
}
