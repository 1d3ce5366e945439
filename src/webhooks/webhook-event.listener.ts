import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ArticleQueryService } from '../articles/article-query.service.js';
import { FULL_TEXT_ARTICLE } from '../articles/public-article.js';
import { ResponseKeys } from '../common/response-keys.js';
import { ContentEventsService, type ContentEvent, type ContentEventListener } from '../events/content-events.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import { JobQueueService } from '../jobs/job-queue.service.js';
import { DELIVER_WEBHOOK_JOB, WEBHOOK_MAX_ATTEMPTS } from './webhook-events.js';
import { webhookPayload } from './webhook-payload.mapper.js';
import { WebhookRepository, type Tx } from './webhook.repository.js';

// Turns each content event into one delivery per subscribed endpoint, with its job, in the change's
// own transaction: a delivery exists exactly when its change committed, and survives any restart.
@Injectable()
export class WebhookEventListener implements ContentEventListener, OnModuleInit {
  constructor(
    private readonly events: ContentEventsService,
    private readonly webhooks: WebhookRepository,
    private readonly queue: JobQueueService,
    private readonly articles: ArticleQueryService,
  ) {}

  onModuleInit() {
    this.events.register(this);
  }

  async onContentEvent(tx: Prisma.TransactionClient, event: ContentEvent): Promise<void> {
    const endpoints = await this.webhooks.findSubscribed(tx, event.type);
    if (endpoints.length === 0) return;
    // The article as it is now, inside the transaction: what the public sees once this commits.
    const article = await this.articleJson(tx, event);
    for (const endpoint of endpoints) {
      // Chosen here so the stored payload carries its own id and is exactly the body sent.
      const id = randomUUID();
      const payload = webhookPayload(id, event, article);
      await this.webhooks.createDelivery(tx, {
        id,
        endpointId: endpoint.id,
        event: event.type,
        payload: payload as unknown as Prisma.InputJsonValue,
      });
      await this.queue.enqueue(tx, { name: DELIVER_WEBHOOK_JOB, payload: { deliveryId: id }, maxAttempts: WEBHOOK_MAX_ATTEMPTS });
    }
  }

  private async articleJson(tx: Tx, event: ContentEvent): Promise<object | null> {
    if (event.action !== 'published' && event.action !== 'updated') return null;
    const [article] = await this.articles.findByIds([event.entityId], FULL_TEXT_ARTICLE, ResponseKeys.none, {}, tx);
    return article ?? null;
  }
}
