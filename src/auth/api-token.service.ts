import { TransactionRunner } from '../database/transaction-runner.js';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { ApiToken } from '../generated/prisma/client.js';
import type { PageRequest } from '../common/pagination/page-request.js';
import { buildConnection } from '../common/pagination/build-connection.js';
import type { Connection } from '../common/pagination/connection.js';
import type { Actor } from '../access/actor.js';
import { API_TOKEN_PAGES, ApiTokenRepository } from './api-token.repository.js';
import { AdminApiTokenModel } from './admin/admin-api-token.model.js';
import type { CreateApiTokenData } from './api-token.schema.js';
import { AuthErrors } from './auth.exception.js';
import { API_TOKEN_PREFIX } from './authenticator.service.js';
import { hashToken, newToken } from './token-hash.js';

// Enough to tell tokens apart in a list ("nd_Xa3k9Q"), far too little to guess the rest.
const SHOWN_PREFIX_LENGTH = 10;

export interface CreatedApiToken {
  /** The secret itself: returned once, at creation, and never stored. */
  token: string;
  apiToken: ApiToken;
}

@Injectable()
export class ApiTokenService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly tokens: ApiTokenRepository,
    private readonly audit: AuditService,
  ) {}

  async list(page: PageRequest): Promise<Connection<AdminApiTokenModel>> {
    const rows = await this.tokens.list(page);
    const cursorOf = (row: ApiToken) => API_TOKEN_PAGES.cursorOf(row);
    return buildConnection(rows, page, cursorOf, () => this.tokens.count(), AdminApiTokenModel.fromRow);
  }

  create(actor: Actor, data: CreateApiTokenData): Promise<CreatedApiToken> {
    const token = newToken(API_TOKEN_PREFIX);
    return this.transactions.run(async (tx) => {
      const apiToken = await this.tokens.create(tx, {
        name: data.name,
        role: data.role,
        tokenHash: hashToken(token),
        tokenPrefix: token.slice(0, SHOWN_PREFIX_LENGTH),
        createdById: actor.userId,
        expiresAt: data.expiresAt ?? null,
      });
      await this.audit.record(tx, actor, {
        action: 'api_token.created',
        entityType: 'ApiToken',
        entityId: apiToken.id,
        details: { name: apiToken.name, role: apiToken.role, expiresAt: apiToken.expiresAt?.toISOString() ?? null },
      });
      return { token, apiToken };
    });
  }

  /** Revoking twice is harmless: the second call returns the token as it is. */
  revoke(actor: Actor, id: string): Promise<ApiToken> {
    return this.transactions.run(async (tx) => {
      const current = await this.tokens.findById(tx, id);
      if (!current) throw AuthErrors.apiTokenNotFound(id);
      if (current.revokedAt) return current;
      const revoked = await this.tokens.revoke(tx, id, new Date());
      await this.audit.record(tx, actor, {
        action: 'api_token.revoked',
        entityType: 'ApiToken',
        entityId: id,
        details: { name: revoked.name, role: revoked.role },
      });
      return revoked;
    });
  }
}
