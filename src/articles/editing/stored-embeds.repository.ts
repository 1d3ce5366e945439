import type { Tx } from '../../database/tx.js';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service.js';
import { Prisma, type Article } from '../../generated/prisma/client.js';

export interface StoredBodies {
  id: string;
  status: Article['status'];
  deletedAt: Date | null;
  body: unknown;
  pendingChanges: unknown;
  updatedAt: Date;
}

// The stored bodies the embed repair (stored-embeds.service.ts) reads and writes back as they are.
@Injectable()
export class StoredEmbedsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Up to `limit` articles after `afterId` (by id) whose body or pending body holds embed HTML. */
  findWithEmbedHtml(afterId: string | null, limit: number): Promise<StoredBodies[]> {
    const hasEmbedHtml = '$[*] ? (@.type == "embed" && exists(@.html))';
    return this.prisma.$queryRaw<StoredBodies[]>(Prisma.sql`
      SELECT id, status, deleted_at AS "deletedAt", body, pending_changes AS "pendingChanges", updated_at AS "updatedAt"
      FROM articles
      WHERE (${afterId}::uuid IS NULL OR id > ${afterId}::uuid)
        AND (jsonb_path_exists(body, ${hasEmbedHtml}::jsonpath)
          OR jsonb_path_exists(coalesce(pending_changes -> 'body', '[]'), ${hasEmbedHtml}::jsonpath))
      ORDER BY id
      LIMIT ${limit}`);
  }

  /**
   * Writes back re-sanitised bodies, keeping updated_at: a data repair is not a content change.
   * Both are stored as given (already normalised).
   */
  async replaceStoredBodies(tx: Tx, row: StoredBodies): Promise<void> {
    await tx.article.update({
      where: { id: row.id },
      data: {
        body: row.body as unknown as Prisma.InputJsonValue,
        pendingChanges: row.pendingChanges === null ? Prisma.DbNull : (row.pendingChanges as unknown as Prisma.InputJsonValue),
        updatedAt: row.updatedAt,
      },
    });
  }
}
