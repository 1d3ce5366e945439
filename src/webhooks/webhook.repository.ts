import type { Tx } from '../database/tx.js';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { Prisma, WebhookDelivery, WebhookEndpoint } from '../generated/prisma/client.js';
import type { PageRequest } from '../common/pagination/page-request.js';
import { ModelKeyset } from '../common/pagination/keyset.js';

export type DeliveryWithEndpoint = WebhookDelivery & { endpoint: WebhookEndpoint };

/** Newest first by (createdAt, id). */
export const DELIVERY_PAGES = new ModelKeyset<WebhookDelivery>(
  [
    ['createdAt', 'timestamp'],
    ['id', 'uuid'],
  ],
  'desc',
);

@Injectable()
export class WebhookRepository {
  constructor(private readonly prisma: PrismaService) {}

  findEndpoint(id: string, db: Tx = this.prisma): Promise<WebhookEndpoint | null> {
    return db.webhookEndpoint.findUnique({ where: { id } });
  }

  /** Oldest first: an admin's list of integrations, rarely more than a handful. */
  listEndpoints(): Promise<WebhookEndpoint[]> {
    return this.prisma.webhookEndpoint.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  createEndpoint(tx: Tx, data: Prisma.WebhookEndpointUncheckedCreateInput): Promise<WebhookEndpoint> {
    return tx.webhookEndpoint.create({ data });
  }

  updateEndpoint(tx: Tx, id: string, data: Prisma.WebhookEndpointUncheckedUpdateInput): Promise<WebhookEndpoint> {
    return tx.webhookEndpoint.update({ where: { id }, data });
  }

  /** Its deliveries go with it (cascade); their pending jobs then find nothing to send. */
  async deleteEndpoint(tx: Tx, id: string): Promise<void> {
    await tx.webhookEndpoint.delete({ where: { id } });
  }

  findSubscribed(tx: Tx, event: string): Promise<WebhookEndpoint[]> {
    return tx.webhookEndpoint.findMany({ where: { enabled: true, events: { has: event } }, orderBy: { createdAt: 'asc' } });
  }

  createDelivery(tx: Tx, data: Prisma.WebhookDeliveryUncheckedCreateInput): Promise<WebhookDelivery> {
    return tx.webhookDelivery.create({ data });
  }

  findDelivery(id: string, db: Tx = this.prisma): Promise<DeliveryWithEndpoint | null> {
    return db.webhookDelivery.findUnique({ where: { id }, include: { endpoint: true } });
  }

  /** Newest first; reads `limit + 1` rows in the read direction. */
  listDeliveries(endpointId: string, page: PageRequest): Promise<WebhookDelivery[]> {
    const { where, ...order } = DELIVERY_PAGES.page(page);
    return this.prisma.webhookDelivery.findMany({ where: { AND: [{ endpointId }, where] }, ...order });
  }

  countDeliveries(endpointId: string): Promise<number> {
    return this.prisma.webhookDelivery.count({ where: { endpointId } });
  }

  async markSucceeded(id: string, statusCode: number, at: Date): Promise<void> {
    await this.prisma.webhookDelivery.updateMany({
      where: { id },
      data: {
        status: 'SUCCEEDED',
        attempts: { increment: 1 },
        lastStatusCode: statusCode,
        lastError: null,
        lastAttemptAt: at,
        deliveredAt: at,
      },
    });
  }

  async recordFailure(id: string, failure: { statusCode: number | null; error: string; final: boolean; at: Date }) {
    await this.prisma.webhookDelivery.updateMany({
      where: { id },
      data: {
        status: failure.final ? 'FAILED' : 'PENDING',
        attempts: { increment: 1 },
        lastStatusCode: failure.statusCode,
        lastError: failure.error,
        lastAttemptAt: failure.at,
      },
    });
  }

  async markPending(tx: Tx, id: string): Promise<void> {
    await tx.webhookDelivery.update({ where: { id }, data: { status: 'PENDING' } });
  }
}
