import { Injectable } from '@nestjs/common';
import type { Actor } from '../access/actor.js';
import type { Tx } from '../database/tx.js';
import { buildConnection } from '../common/pagination/build-connection.js';
import type { Connection } from '../common/pagination/connection.js';
import type { PageRequest } from '../common/pagination/page-request.js';
import type { AuditEntry } from '../generated/prisma/client.js';
import { AUDIT_PAGES, AuditRepository, type AuditFilter } from './audit.repository.js';

export interface AuditRecord {
  /** e.g. "article.published", "user.created", "api_token.revoked" */
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

// Writes audit entries inside the caller's transaction (an entry exists exactly when its change does),
// and reads the log for admins.
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

  // The caller maps rows to its nodes, so this service (and the tools using it) load no GraphQL types.
  async list<Node>(filter: AuditFilter, page: PageRequest, nodeOf: (row: AuditEntry) => Node): Promise<Connection<Node>> {
    const rows = await this.entries.list(filter, page);
    const cursorOf = (row: (typeof rows)[number]) => AUDIT_PAGES.cursorOf(row);
    return buildConnection(rows, page, cursorOf, () => this.entries.count(filter), nodeOf);
  }
}
