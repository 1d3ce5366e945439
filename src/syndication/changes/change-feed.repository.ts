import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service.js';
import type { Tx } from '../../database/tx.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { ChangePosition } from './change-cursor.js';

export interface ChangeRow {
  id: string;
  txid: string;
  action: string;
  entityType: string;
  entityId: string;
  occurredAt: Date;
}

@Injectable()
export class ChangeFeedRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Appends one change, in the change's own transaction (txid is that transaction's). */
  async append(tx: Tx, change: { action: string; entityType: string; entityId: string }): Promise<void> {
    await tx.changeEvent.create({ data: change });
  }

  // Rows in (txid, id) order, only those of transactions older than every one still running
  // (txid < xmin of the current snapshot). txids are handed out when a transaction first writes, not
  // when it commits: without the xmin bound, a reader could pass txid 101 while txid 100 is still
  // open, and 100's row would later appear behind the reader's cursor and be missed for good.
  // A long-running writing transaction therefore holds the feed back until it ends.
  after(position: ChangePosition | undefined, limit: number): Promise<ChangeRow[]> {
    const afterCursor = position ? Prisma.sql`AND (txid, id) > (${position.txid}::xid8, ${position.id}::bigint)` : Prisma.empty;
    return this.prisma.$queryRaw<ChangeRow[]>(Prisma.sql`
      SELECT id::text AS id, txid::text AS txid, action, entity_type AS "entityType", entity_id::text AS "entityId",
        created_at AS "occurredAt"
      FROM change_events
      WHERE txid < pg_snapshot_xmin(pg_current_snapshot()) ${afterCursor}
      ORDER BY txid, id
      LIMIT ${limit}`);
  }
}
