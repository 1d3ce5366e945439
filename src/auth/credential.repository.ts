import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { ApiToken, User } from '../generated/prisma/client.js';

// Lookups that turn a presented credential into an actor, on every admin request.
@Injectable()
export class CredentialRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The user of a live session: enabled, session neither revoked nor expired. */
  async findUserOfLiveSession(userId: string, sessionId: string): Promise<User | null> {
    const session = await this.prisma.session.findFirst({
      where: { id: sessionId, userId, revokedAt: null, expiresAt: { gt: new Date() }, user: { disabledAt: null } },
      select: { user: true },
    });
    return session?.user ?? null;
  }

  /** A token that is neither revoked nor expired. */
  findUsableApiToken(tokenHash: string): Promise<ApiToken | null> {
    return this.prisma.apiToken.findFirst({
      where: { tokenHash, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
    });
  }

  async recordApiTokenUse(id: string, at: Date): Promise<void> {
    await this.prisma.apiToken.update({ where: { id }, data: { lastUsedAt: at } });
  }
}
