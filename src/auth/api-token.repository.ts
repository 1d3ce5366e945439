import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { ApiToken, Prisma } from '../generated/prisma/client.js';
import type { PageRequest } from '../graphql/pagination/connection.args.js';
import { decodeCursor } from '../graphql/pagination/cursor.js';

export type Tx = Prisma.TransactionClient;

// Management of integration tokens; the per-request lookup is CredentialRepository's.
@Injectable()
export class ApiTokenRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.transaction(work);
  }

  findById(tx: Tx, id: string): Promise<ApiToken | null> {
    return tx.apiToken.findUnique({ where: { id } });
  }

  create(tx: Tx, data: Prisma.ApiTokenUncheckedCreateInput): Promise<ApiToken> {
    return tx.apiToken.create({ data });
  }

  revoke(tx: Tx, id: string, at: Date): Promise<ApiToken> {
    return tx.apiToken.update({ where: { id }, data: { revokedAt: at } });
  }

  /** Newest first; cursor = [createdAt, id]. */
  list(page: PageRequest): Promise<ApiToken[]> {
    const forward = page.direction === 'forward';
    const op = forward ? 'lt' : 'gt';
    const order = forward ? ('desc' as const) : ('asc' as const);
    const after = page.cursor ? decodeCursor(page.cursor, ['string', 'string'], 'after') : undefined;
    const where: Prisma.ApiTokenWhereInput = after
      ? {
          OR: [
            { createdAt: { [op]: new Date(after[0] as string) } },
            { createdAt: new Date(after[0] as string), id: { [op]: after[1] as string } },
          ],
        }
      : {};
    return this.prisma.apiToken.findMany({ where, orderBy: [{ createdAt: order }, { id: order }], take: page.limit + 1 });
  }

  count(): Promise<number> {
    return this.prisma.apiToken.count();
  }
}
