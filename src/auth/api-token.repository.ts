import type { Tx } from '../database/tx.js';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { ApiToken, Prisma } from '../generated/prisma/client.js';
import type { PageRequest } from '../common/pagination/page-request.js';
import { ModelKeyset } from '../common/pagination/keyset.js';

// Management of integration tokens; the per-request lookup is CredentialRepository's.
/** Newest first by (createdAt, id). */
export const API_TOKEN_PAGES = new ModelKeyset<ApiToken>(
  [
    ['createdAt', 'timestamp'],
    ['id', 'uuid'],
  ],
  'desc',
);

@Injectable()
export class ApiTokenRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(tx: Tx, id: string): Promise<ApiToken | null> {
    return tx.apiToken.findUnique({ where: { id } });
  }

  create(tx: Tx, data: Prisma.ApiTokenUncheckedCreateInput): Promise<ApiToken> {
    return tx.apiToken.create({ data });
  }

  revoke(tx: Tx, id: string, at: Date): Promise<ApiToken> {
    return tx.apiToken.update({ where: { id }, data: { revokedAt: at } });
  }

  /** Newest first. */
  list(page: PageRequest): Promise<ApiToken[]> {
    return this.prisma.apiToken.findMany(API_TOKEN_PAGES.page(page));
  }

  count(): Promise<number> {
    return this.prisma.apiToken.count();
  }
}
