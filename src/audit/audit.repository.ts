import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { AuditEntry, Prisma } from '../generated/prisma/client.js';
import type { PageRequest } from '../graphql/pagination/connection.args.js';
import { decodeCursor } from '../graphql/pagination/cursor.js';

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
}

@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Newest first; cursor = [createdAt, id]. */
  list(filter: AuditFilter, page: PageRequest): Promise<AuditEntry[]> {
    const forward = page.direction === 'forward';
    const op = forward ? 'lt' : 'gt';
    const after = page.cursor ? decodeCursor(page.cursor, ['string', 'string'], 'after') : undefined;
    const keyset: Prisma.AuditEntryWhereInput = after
      ? {
          OR: [
            { createdAt: { [op]: new Date(after[0] as string) } },
            { createdAt: new Date(after[0] as string), id: { [op]: after[1] as string } },
          ],
        }
      : {};
    const order = forward ? ('desc' as const) : ('asc' as const);
    return this.prisma.auditEntry.findMany({
      where: { ...filter, ...keyset },
      orderBy: [{ createdAt: order }, { id: order }],
      take: page.limit + 1,
    });
  }

  count(filter: AuditFilter): Promise<number> {
    return this.prisma.auditEntry.count({ where: filter });
  }
}
