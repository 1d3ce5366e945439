import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { Tx } from '../database/tx.js';
import type { AuditEntry, Prisma } from '../generated/prisma/client.js';
import type { PageRequest } from '../common/pagination/page-request.js';
import { ModelKeyset } from '../common/pagination/keyset.js';

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
}

/** Newest first by (createdAt, id). */
export const AUDIT_PAGES = new ModelKeyset<AuditEntry>(
  [
    ['createdAt', 'timestamp'],
    ['id', 'uuid'],
  ],
  'desc',
);

@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Newest first. */
  list(filter: AuditFilter, page: PageRequest): Promise<AuditEntry[]> {
    const { where, ...order } = AUDIT_PAGES.page(page);
    return this.prisma.auditEntry.findMany({ where: { AND: [filter, where] }, ...order });
  }

  count(filter: AuditFilter): Promise<number> {
    return this.prisma.auditEntry.count({ where: filter });
  }

  /** One entry, in the transaction of the change it records. */
  async append(tx: Tx, entry: Omit<Prisma.AuditEntryUncheckedCreateInput, 'details'> & { details: Record<string, unknown> }) {
    await tx.auditEntry.create({ data: { ...entry, details: entry.details as Prisma.InputJsonValue } });
  }
}
