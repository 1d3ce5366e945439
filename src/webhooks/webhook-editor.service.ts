import { TransactionRunner } from '../database/transaction-runner.js';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../access/actor.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { Prisma, WebhookDelivery, WebhookEndpoint } from '../generated/prisma/client.js';
import type { PageRequest } from '../common/pagination/page-request.js';
import { buildConnection } from '../common/pagination/build-connection.js';
import type { Connection } from '../common/pagination/connection.js';
import { WebhookDeliveryModel } from './admin/webhook-delivery.model.js';
import { JobQueueService } from '../jobs/job-queue.service.js';
import { newWebhookSecret } from './delivery/webhook-signature.js';
import { checkTarget } from './delivery/webhook-target.js';
import { DELIVER_WEBHOOK_JOB, WEBHOOK_MAX_ATTEMPTS } from './webhook-events.js';
import { WebhookErrors } from './webhook.exception.js';
import { DELIVERY_PAGES, WebhookRepository } from './webhook.repository.js';
import type { CreateWebhookEndpointData, UpdateWebhookEndpointData } from './webhook.schema.js';

// Managing endpoints and looking at (and retrying) their deliveries. Callers check roles; inputs arrive
// parsed by webhook.schema.ts. Each change is audited in its own transaction.
@Injectable()
export class WebhookEditorService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly webhooks: WebhookRepository,
    private readonly audit: AuditService,
    private readonly queue: JobQueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(): Promise<WebhookEndpoint[]> {
    return this.webhooks.listEndpoints();
  }

  async deliveries(endpointId: string, page: PageRequest): Promise<Connection<WebhookDeliveryModel>> {
    if (!(await this.webhooks.findEndpoint(endpointId))) throw WebhookErrors.endpointNotFound(endpointId);
    const rows = await this.webhooks.listDeliveries(endpointId, page);
    const cursorOf = (row: WebhookDelivery) => DELIVERY_PAGES.cursorOf(row);
    return buildConnection(rows, page, cursorOf, () => this.webhooks.countDeliveries(endpointId), WebhookDeliveryModel.fromRow);
  }

  /** The secret is in the returned row: callers show it this once. */
  async create(actor: Actor, data: CreateWebhookEndpointData): Promise<WebhookEndpoint> {
    await this.checkUrl(data.url);
    return this.transactions.run(async (tx) => {
      const endpoint = await this.webhooks.createEndpoint(tx, {
        url: data.url,
        events: data.events,
        description: data.description ?? null,
        secret: newWebhookSecret(),
      });
      await this.audit.record(tx, actor, {
        action: 'webhook_endpoint.created',
        entityType: 'WebhookEndpoint',
        entityId: endpoint.id,
        details: { url: endpoint.url, events: endpoint.events },
      });
      return endpoint;
    });
  }

  async update(actor: Actor, data: UpdateWebhookEndpointData): Promise<WebhookEndpoint> {
    if (data.url != null) await this.checkUrl(data.url);
    return this.transactions.run(async (tx) => {
      const current = await this.webhooks.findEndpoint(data.id, tx);
      if (!current) throw WebhookErrors.endpointNotFound(data.id);
      const changes: Prisma.WebhookEndpointUncheckedUpdateInput = {};
      if (data.url != null) changes.url = data.url;
      if (data.events != null) changes.events = data.events;
      if (data.enabled != null) changes.enabled = data.enabled;
      if (data.description !== undefined) changes.description = data.description || null;
      if (Object.keys(changes).length === 0) return current;
      const endpoint = await this.webhooks.updateEndpoint(tx, data.id, changes);
      await this.audit.record(tx, actor, {
        action: 'webhook_endpoint.updated',
        entityType: 'WebhookEndpoint',
        entityId: endpoint.id,
        details: { fields: Object.keys(changes) },
      });
      return endpoint;
    });
  }

  async delete(actor: Actor, id: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const current = await this.webhooks.findEndpoint(id, tx);
      if (!current) throw WebhookErrors.endpointNotFound(id);
      await this.webhooks.deleteEndpoint(tx, id);
      await this.audit.record(tx, actor, {
        action: 'webhook_endpoint.deleted',
        entityType: 'WebhookEndpoint',
        entityId: id,
        details: { url: current.url },
      });
    });
  }

  /** Sends a finished delivery again with the same id (and payload), so receivers can de-duplicate. */
  async redeliver(actor: Actor, deliveryId: string): Promise<WebhookDelivery> {
    return this.transactions.run(async (tx) => {
      const delivery = await this.webhooks.findDelivery(deliveryId, tx);
      if (!delivery) throw WebhookErrors.deliveryNotFound(deliveryId);
      // A pending delivery still has its job; a second one would race it.
      if (delivery.status === 'PENDING') throw WebhookErrors.stillPending();
      await this.webhooks.markPending(tx, deliveryId);
      await this.queue.enqueue(tx, { name: DELIVER_WEBHOOK_JOB, payload: { deliveryId }, maxAttempts: WEBHOOK_MAX_ATTEMPTS });
      await this.audit.record(tx, actor, {
        action: 'webhook_delivery.redelivered',
        entityType: 'WebhookDelivery',
        entityId: deliveryId,
        details: { endpointId: delivery.endpointId, event: delivery.event },
      });
      const { endpoint: _endpoint, ...row } = delivery;
      return { ...row, status: 'PENDING' };
    });
  }

  private async checkUrl(url: string): Promise<void> {
    const check = await checkTarget(new URL(url), this.config.webhooks.allowPrivateTargets);
    if (!check.ok) throw WebhookErrors.refusedTarget('input.url', check.reason);
  }
}
