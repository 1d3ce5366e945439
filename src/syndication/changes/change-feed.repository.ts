import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service.js';
import type { Tx } from '../../database/tx.js';
import { Prisma } from '../../generated/prisma/client.js';
import { CHANGES, type ChangePosition } from './change-cursor.js';

const FEED_ORDER = [Prisma.sql`c.txid`, Prisma.sql`c.id`];

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
  // Every column is qualified: a bare `ORDER BY txid, id` names the text OUTPUT columns below, which
  // sorted "1000" before "999" while the cursor compared numbers, so pages crossing a digit boundary
  // repeated or skipped changes.
  after(position: ChangePosition | undefined, limit: number): Promise<ChangeRow[]> {
    const afterCursor = position
      ? Prisma.sql`AND ${CHANGES.sqlAfter(FEED_ORDER, [position.txid, position.id], false)}`
      : Prisma.empty;
    return this.prisma.$queryRaw<ChangeRow[]>(Prisma.sql`
      SELECT c.id::text AS id, c.txid::text AS txid, c.action, c.entity_type AS "entityType", c.entity_id::text AS "entityId",
        c.created_at AS "occurredAt"
      FROM change_events c
      WHERE c.txid < pg_snapshot_xmin(pg_current_snapshot()) ${afterCursor}
      ORDER BY ${Prisma.join(FEED_ORDER, ', ')}
      LIMIT ${limit}`);
  }
}
