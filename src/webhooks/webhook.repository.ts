import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { Prisma, WebhookDelivery, WebhookEndpoint } from '../generated/prisma/client.js';
import type { PageRequest } from '../graphql/pagination/connection.args.js';
import { decodeCursor } from '../graphql/pagination/cursor.js';

export type Tx = Prisma.TransactionClient;

export type DeliveryWithEndpoint = WebhookDelivery & { endpoint: WebhookEndpoint };

// The published article with what its webhook JSON names (bylines, tags, section).
const articleForPayload = {
  section: { select: { id: true, slug: true, name: true, deletedAt: true } },
  authors: {
    orderBy: { position: 'asc' },
    select: { author: { select: { id: true, slug: true, name: true, deletedAt: true } } },
  },
  tags: { orderBy: { position: 'asc' }, select: { tag: { select: { id: true, slug: true, name: true, deletedAt: true } } } },
} satisfies Prisma.ArticleInclude;

export type ArticleForPayload = Prisma.ArticleGetPayload<{ include: typeof articleForPayload }>;

@Injectable()
export class WebhookRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.transaction(work);
  }

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

  findArticleForPayload(tx: Tx, id: string): Promise<ArticleForPayload | null> {
    return tx.article.findUnique({ where: { id }, include: articleForPayload });
  }

  createDelivery(tx: Tx, data: Prisma.WebhookDeliveryUncheckedCreateInput): Promise<WebhookDelivery> {
    return tx.webhookDelivery.create({ data });
  }

  findDelivery(id: string, db: Tx = this.prisma): Promise<DeliveryWithEndpoint | null> {
    return db.webhookDelivery.findUnique({ where: { id }, include: { endpoint: true } });
  }

  /** Newest first; cursor = [createdAt ISO, id]. Reads `limit + 1` rows in the read direction. */
  listDeliveries(endpointId: string, page: PageRequest): Promise<WebhookDelivery[]> {
    const newestFirst = page.direction === 'forward';
    const op = newestFirst ? 'lt' : 'gt';
    const order = newestFirst ? ('desc' as const) : ('asc' as const);
    const cursor = page.cursor ? decodeCursor(page.cursor, ['string', 'string'], newestFirst ? 'after' : 'before') : undefined;
    const at = cursor ? new Date(cursor[0] as string) : undefined;
    const where: Prisma.WebhookDeliveryWhereInput = { endpointId };
    if (cursor && at && !Number.isNaN(at.getTime())) {
      where.OR = [{ createdAt: { [op]: at } }, { createdAt: at, id: { [op]: cursor[1] as string } }];
    }
    return this.prisma.webhookDelivery.findMany({ where, orderBy: [{ createdAt: order }, { id: order }], take: page.limit + 1 });
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
