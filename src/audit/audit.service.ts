import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import type { Prisma } from '../generated/prisma/client.js';

export interface AuditRecord {
  /** e.g. "article.published", "user.created", "api_token.revoked" */
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

// Writes audit entries inside the caller's transaction: an entry exists exactly when its change does.
@Injectable()
export class AuditService {
  async record(tx: Prisma.TransactionClient, actor: Actor, record: AuditRecord): Promise<void> {
    await tx.auditEntry.create({
      data: {
        action: record.action,
        entityType: record.entityType,
        entityId: record.entityId ?? null,
        actorId: actor.userId,
        actorKind: actor.kind,
        tokenId: actor.tokenId,
        ip: actor.ip,
        requestId: actor.requestId,
        details: (record.details ?? {}) as Prisma.InputJsonValue,
      },
    });
  }
}
