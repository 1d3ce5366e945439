import type { Tx } from '../database/tx.js';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { Prisma, User } from '../generated/prisma/client.js';
import type { PageRequest } from '../common/pagination/page-request.js';
import { BY_NAME } from '../common/pagination/keyset.js';

// Accounts of people who log in to the admin API. Writes take the caller's transaction, so a change
// and its audit entry commit together.
@Injectable()
export class UserRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string, db: Tx = this.prisma): Promise<User | null> {
    return db.user.findUnique({ where: { id } });
  }

  /** `email` must already be lower-cased (see user.schema.ts). */
  findByEmail(email: string, db: Tx = this.prisma): Promise<User | null> {
    return db.user.findUnique({ where: { email } });
  }

  /** Alphabetical by name. */
  list(page: PageRequest): Promise<User[]> {
    return this.prisma.user.findMany(BY_NAME.page(page));
  }

  count(): Promise<number> {
    return this.prisma.user.count();
  }

  async isEmpty(): Promise<boolean> {
    return (await this.prisma.user.findFirst({ select: { id: true } })) === null;
  }

  create(tx: Tx, data: Prisma.UserUncheckedCreateInput): Promise<User> {
    return tx.user.create({ data });
  }

  update(tx: Tx, id: string, data: Prisma.UserUncheckedUpdateInput): Promise<User> {
    return tx.user.update({ where: { id }, data });
  }

  async authorExists(tx: Tx, authorId: string): Promise<boolean> {
    return (await tx.author.findFirst({ where: { id: authorId, deletedAt: null }, select: { id: true } })) !== null;
  }

  countEnabledAdminsExcept(tx: Tx, userId: string): Promise<number> {
    return tx.user.count({ where: { role: 'ADMIN', disabledAt: null, id: { not: userId } } });
  }

  /** Ends every live session of a user (disabled, or password changed); returns how many. */
  async revokeSessions(tx: Tx, userId: string, at: Date): Promise<number> {
    const { count } = await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: at } });
    return count;
  }

  async recordLogin(tx: Tx, id: string, at: Date): Promise<void> {
    await tx.user.update({ where: { id }, data: { lastLoginAt: at } });
  }
}
