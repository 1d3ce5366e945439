import { TransactionRunner } from '../database/transaction-runner.js';
import type { Tx } from '../database/tx.js';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { Session, User } from '../generated/prisma/client.js';
import { UserRepository } from '../users/user.repository.js';
import { AccessTokenService } from './access-token.service.js';
import type { Actor } from '../access/actor.js';
import { AuthErrors } from './auth.exception.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { requireActor } from '../access/roles.js';
import { primeDummyHash, verifyPassword } from '../users/password.js';
import type { LoginData } from './session.schema.js';
import { SessionRepository, type SessionWithUser } from './session.repository.js';
import { hashToken, newToken } from './token-hash.js';

export const REFRESH_TOKEN_PREFIX = 'ndr';

export interface ClientOrigin {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface SessionTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  user: User;
}

interface OpenedSession {
  session: Session;
  refreshToken: string;
}

// Logins, refresh-token rotation and logout. A refresh token works once: refreshing marks its row
// rotated and opens a new row in the same family. Presenting a rotated or revoked token again means
// two parties hold it, one of them a thief, so the whole family (the login) is revoked.
@Injectable()
export class SessionService implements OnModuleInit {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly sessions: SessionRepository,
    private readonly users: UserRepository,
    private readonly limiter: LoginRateLimiter,
    private readonly accessTokens: AccessTokenService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    primeDummyHash();
  }

  async login(input: LoginData, origin: ClientOrigin): Promise<SessionTokens> {
    const now = new Date();
    const ip = origin.ip ?? 'unknown';
    // Recorded as a failure from here on, unless the password matches.
    const attemptId = await this.limiter.reserve(input.email, ip, now);
    const user = await this.users.findByEmail(input.email);
    // Verified even for unknown emails (against a dummy hash), so every failure takes as long.
    const passwordMatches = await verifyPassword(user?.passwordHash ?? null, input.password);
    if (!user || !passwordMatches || user.disabledAt) throw AuthErrors.invalidCredentials();
    const opened = await this.transactions.run(async (tx) => {
      await this.limiter.recordSuccess(tx, attemptId);
      await this.users.recordLogin(tx, user.id, now);
      const result = await this.open(tx, user.id, randomUUID(), origin, now);
      await this.audit.record(tx, userActor(user, origin), {
        action: 'session.created',
        entityType: 'Session',
        entityId: result.session.id,
        details: { familyId: result.session.familyId, userAgent: origin.userAgent },
      });
      return result;
    });
    return this.tokens({ ...user, lastLoginAt: now }, opened);
  }

  async refresh(refreshToken: string, origin: ClientOrigin): Promise<SessionTokens> {
    const now = new Date();
    // Decided inside the transaction, thrown after it: a theft detection's revocation must commit.
    const outcome = await this.transactions.run(async (tx) => {
      const current = await this.sessions.findByTokenHash(hashToken(refreshToken), tx);
      if (!current || current.expiresAt <= now || current.user.disabledAt) return null;
      if (current.rotatedAt || current.revokedAt || !(await this.sessions.claimRotation(tx, current.id, now))) {
        await this.endLogin(tx, current, userActor(current.user, origin), 'refresh_token_reuse', now);
        return null;
      }
      const opened = await this.open(tx, current.userId, current.familyId, origin, now);
      await this.audit.record(tx, userActor(current.user, origin), {
        action: 'session.refreshed',
        entityType: 'Session',
        entityId: opened.session.id,
        details: { familyId: current.familyId, previousSessionId: current.id },
      });
      return { user: current.user, opened };
    });
    if (!outcome) throw AuthErrors.invalidRefreshToken();
    return this.tokens(outcome.user, outcome.opened);
  }

  /**
   * Ends the login of the given refresh token, or else of the access token in use. The whole family
   * goes, so access tokens issued before the last refresh stop working too.
   */
  async logout(
    refreshToken: string | null,
    accessToken: string | null,
    actor: Actor | null,
    origin: ClientOrigin,
  ): Promise<void> {
    const session = await this.sessionToEnd(refreshToken, accessToken, actor);
    await this.transactions.run((tx) =>
      this.endLogin(tx, session, actor?.kind === 'user' ? actor : userActor(session.user, origin), 'logout', new Date()),
    );
  }

  private async sessionToEnd(
    refreshToken: string | null,
    accessToken: string | null,
    actor: Actor | null,
  ): Promise<SessionWithUser> {
    if (refreshToken) {
      const session = await this.sessions.findByTokenHash(hashToken(refreshToken));
      if (!session) throw AuthErrors.invalidRefreshToken();
      return session;
    }
    // logout is @AllowAnonymous for the refresh-token case; ending the caller's own login takes one.
    if (requireActor(actor).kind !== 'user' || !accessToken) throw AuthErrors.noSession();
    const claims = await this.accessTokens.verify(accessToken);
    const session = claims ? await this.sessions.findById(claims.sessionId) : null;
    if (!session) throw AuthErrors.invalidRefreshToken();
    return session;
  }

  private async endLogin(tx: Tx, session: Session, actor: Actor, reason: string, now: Date): Promise<void> {
    const revoked = await this.sessions.revokeFamily(tx, session.familyId, now);
    if (revoked === 0) return;
    await this.audit.record(tx, actor, {
      action: 'session.revoked',
      entityType: 'Session',
      entityId: session.id,
      details: { familyId: session.familyId, userId: session.userId, reason, sessionsRevoked: revoked },
    });
  }

  private async open(tx: Tx, userId: string, familyId: string, origin: ClientOrigin, now: Date): Promise<OpenedSession> {
    const refreshToken = newToken(REFRESH_TOKEN_PREFIX);
    const session = await this.sessions.create(tx, {
      userId,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: new Date(now.getTime() + this.config.auth.refreshTokenTtlDays * 86_400_000),
      ip: origin.ip,
      userAgent: origin.userAgent,
    });
    return { session, refreshToken };
  }

  private async tokens(user: User, { session, refreshToken }: OpenedSession): Promise<SessionTokens> {
    const access = await this.accessTokens.issue({ userId: user.id, sessionId: session.id });
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken,
      refreshTokenExpiresAt: session.expiresAt,
      user,
    };
  }
}

// Logins and refreshes act as the user concerned: their audit entries name who logged in.
function userActor(user: User, origin: ClientOrigin): Actor {
  return {
    kind: 'user',
    userId: user.id,
    tokenId: null,
    role: user.role,
    label: user.email,
    ip: origin.ip,
    requestId: origin.requestId,
  };
}
