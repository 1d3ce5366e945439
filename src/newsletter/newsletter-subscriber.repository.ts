import type { Tx } from '../database/tx.js';
import { ModelKeyset } from '../common/pagination/keyset.js';
import type { PageRequest } from '../common/pagination/page-request.js';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { NewsletterSubscriber } from '../generated/prisma/client.js';
import type { SubscriberStatus } from './newsletter.schema.js';

// The newsletter_subscribers table. Emails arrive here already normalised (trimmed, lower-cased).
/** Newest first by id (UUIDv7). */
export const SUBSCRIBER_PAGES = new ModelKeyset<NewsletterSubscriber>([['id', 'uuid']], 'desc');

@Injectable()
export class NewsletterSubscriberRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The row for this email, created as PENDING if there was none; safe against concurrent signups. */
  async findOrCreate(tx: Tx, email: string): Promise<NewsletterSubscriber> {
    // ON CONFLICT DO NOTHING: two simultaneous signups of one address still make one row.
    await tx.newsletterSubscriber.createMany({ data: [{ email }], skipDuplicates: true });
    return tx.newsletterSubscriber.findUniqueOrThrow({ where: { email } });
  }

  findById(id: string, db: Tx = this.prisma): Promise<NewsletterSubscriber | null> {
    return db.newsletterSubscriber.findUnique({ where: { id } });
  }

  /** Moves the row to `status` unless it is there already; the updated row, or null when nothing changed. */
  async changeStatus(tx: Tx, id: string, status: SubscriberStatus, at: Date): Promise<NewsletterSubscriber | null> {
    const stamps = status === 'CONFIRMED' ? { confirmedAt: at, unsubscribedAt: null } : { unsubscribedAt: at };
    const { count } = await tx.newsletterSubscriber.updateMany({
      where: { id, status: { not: status } },
      data: { status, ...stamps },
    });
    return count ? tx.newsletterSubscriber.findUnique({ where: { id } }) : null;
  }

  async markConfirmationSent(id: string, at: Date): Promise<void> {
    await this.prisma.newsletterSubscriber.updateMany({ where: { id }, data: { confirmationSentAt: at } });
  }

  /** A keyset page, newest first (ids are UUIDv7, so id order is creation order); reads limit + 1 rows. */
  list(filter: { status?: SubscriberStatus }, page: PageRequest): Promise<NewsletterSubscriber[]> {
    const { where, ...order } = SUBSCRIBER_PAGES.page(page);
    return this.prisma.newsletterSubscriber.findMany({ where: { AND: [{ status: filter.status }, where] }, ...order });
  }

  count(filter: { status?: SubscriberStatus }): Promise<number> {
    return this.prisma.newsletterSubscriber.count({ where: { status: filter.status } });
  }

  /** Confirmed addresses in confirmation order, a batch at a time, for exports of any size. */
  confirmedBatch(
    afterId: string | undefined,
    size: number,
  ): Promise<Pick<NewsletterSubscriber, 'id' | 'email' | 'confirmedAt'>[]> {
    return this.prisma.newsletterSubscriber.findMany({
      where: { status: 'CONFIRMED', ...(afterId ? { id: { gt: afterId } } : {}) },
      orderBy: { id: 'asc' },
      take: size,
      select: { id: true, email: true, confirmedAt: true },
    });
  }
}
