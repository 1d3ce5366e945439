import type { Tx } from '../database/tx.js';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { Session, User } from '../generated/prisma/client.js';

export type SessionWithUser = Session & { user: User };

export interface NewSession {
  userId: string;
  familyId: string;
  tokenHash: string;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

// Logins and their refresh-token rotations. A family is one login: every rotation adds a row to it,
// and ending the login (logout, theft detection) revokes every row of the family at once.
@Injectable()
export class SessionRepository {
  constructor(private readonly prisma: PrismaService) {}

  findByTokenHash(tokenHash: string, db: Tx = this.prisma): Promise<SessionWithUser | null> {
    return db.session.findUnique({ where: { tokenHash }, include: { user: true } });
  }

  findById(id: string, db: Tx = this.prisma): Promise<SessionWithUser | null> {
    return db.session.findUnique({ where: { id }, include: { user: true } });
  }

  create(tx: Tx, data: NewSession): Promise<Session> {
    return tx.session.create({ data });
  }

  /**
   * Marks a live session rotated; false when it already was (or was revoked) meanwhile. The row lock
   * this takes makes two concurrent refreshes with one token see each other: exactly one wins.
   */
  async claimRotation(tx: Tx, id: string, at: Date): Promise<boolean> {
    const { count } = await tx.session.updateMany({ where: { id, rotatedAt: null, revokedAt: null }, data: { rotatedAt: at } });
    return count === 1;
  }

  /** Revokes every still-live row of a login; returns how many. */
  /** Ends every login of a user but one (a password change keeps the login that made it). */
  async revokeOtherFamilies(tx: Tx, userId: string, keepFamilyId: string, at: Date): Promise<number> {
    const { count } = await tx.session.updateMany({
      where: { userId, familyId: { not: keepFamilyId }, revokedAt: null },
      data: { revokedAt: at },
    });
    return count;
  }

  async revokeFamily(tx: Tx, familyId: string, at: Date): Promise<number> {
    const { count } = await tx.session.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: at } });
    return count;
  }
}
