import type { Tx } from '../../database/tx.js';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service.js';
import { Prisma, type Partner, type PartnerUsage } from '../../generated/prisma/client.js';

@Injectable()
export class PartnerRepository {
  constructor(private readonly prisma: PrismaService) {}

  findByKeyHash(keyHash: string): Promise<Partner | null> {
    return this.prisma.partner.findUnique({ where: { keyHash } });
  }

  findById(tx: Tx, id: string): Promise<Partner | null> {
    return tx.partner.findUnique({ where: { id } });
  }

  create(tx: Tx, data: Prisma.PartnerUncheckedCreateInput): Promise<Partner> {
    return tx.partner.create({ data });
  }

  update(tx: Tx, id: string, data: Prisma.PartnerUncheckedUpdateInput): Promise<Partner> {
    return tx.partner.update({ where: { id }, data });
  }

  listAll(): Promise<Partner[]> {
    return this.prisma.partner.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }] });
  }

  /** Newest day first; days without requests have no row. */
  usageSince(partnerIds: readonly string[], since: Date): Promise<PartnerUsage[]> {
    return this.prisma.partnerUsage.findMany({
      where: { partnerId: { in: [...partnerIds] }, day: { gte: since } },
      orderBy: [{ day: 'desc' }],
    });
  }

  // One statement per pull: counts it on today's row (UTC day, as the database sees it) and stamps
  // the partner's last pull, so a busy partner costs one round trip of bookkeeping.
  async recordPull(partnerId: string): Promise<void> {
    await this.prisma.$executeRaw(Prisma.sql`
      WITH counted AS (
        INSERT INTO partner_usage (partner_id, day, requests, created_at, updated_at)
        VALUES (${partnerId}::uuid, (now() AT TIME ZONE 'UTC')::date, 1, now(), now())
        ON CONFLICT (partner_id, day) DO UPDATE SET requests = partner_usage.requests + 1, updated_at = now()
      )
      UPDATE partners SET last_pull_at = now() WHERE id = ${partnerId}::uuid`);
  }
}
