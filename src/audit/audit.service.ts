import { Injectable } from '@nestjs/common';
import type { Actor } from '../access/actor.js';
import type { Tx } from '../database/tx.js';
import { AuditRepository } from './audit.repository.js';

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
  constructor(private readonly entries: AuditRepository) {}

  async record(tx: Tx, actor: Actor, record: AuditRecord): Promise<void> {
    await this.entries.append(tx, {
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId ?? null,
      actorId: actor.userId,
      actorKind: actor.kind,
      tokenId: actor.tokenId,
      ip: actor.ip,
      requestId: actor.requestId,
      details: record.details ?? {},
    });
  }
}
