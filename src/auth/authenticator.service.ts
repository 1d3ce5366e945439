import { Injectable } from '@nestjs/common';
import { AccessTokenService } from './access-token.service.js';
import { AuthErrors } from './auth.exception.js';
import type { Actor } from '../access/actor.js';
import { CredentialRepository } from './credential.repository.js';
import { hashToken } from './token-hash.js';

export const API_TOKEN_PREFIX = 'nd';

// Recording every use of a token would be a write per request; a minute's precision is plenty.
const TOKEN_USE_RESOLUTION_MS = 60_000;

export interface RequestOrigin {
  ip: string | null;
  requestId: string | null;
}

// Turns `Authorization: Bearer <token>` into an Actor. No header: anonymous (null). A header with a
// bad, expired or revoked token: UNAUTHENTICATED, so clients learn to refresh instead of seeing
// "forbidden" or empty results.
@Injectable()
export class AuthenticatorService {
  constructor(
    private readonly accessTokens: AccessTokenService,
    private readonly credentials: CredentialRepository,
  ) {}

  async authenticate(authorization: string | undefined, origin: RequestOrigin): Promise<Actor | null> {
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw AuthErrors.malformedAuthorization();
    const token = match[1]!;
    const actor = token.startsWith(`${API_TOKEN_PREFIX}_`)
      ? await this.fromApiToken(token, origin)
      : await this.fromAccessToken(token, origin);
    if (!actor) throw AuthErrors.invalidToken();
    return actor;
  }

  private async fromAccessToken(token: string, origin: RequestOrigin): Promise<Actor | null> {
    const claims = await this.accessTokens.verify(token);
    if (!claims) return null;
    const user = await this.credentials.findUserOfLiveSession(claims.userId, claims.sessionId);
    if (!user) return null;
    return { kind: 'user', userId: user.id, tokenId: null, role: user.role, label: user.email, ...origin };
  }

  private async fromApiToken(token: string, origin: RequestOrigin): Promise<Actor | null> {
    const apiToken = await this.credentials.findUsableApiToken(hashToken(token));
    if (!apiToken) return null;
    const now = new Date();
    if (!apiToken.lastUsedAt || now.getTime() - apiToken.lastUsedAt.getTime() > TOKEN_USE_RESOLUTION_MS) {
      await this.credentials.recordApiTokenUse(apiToken.id, now);
    }
    return {
      kind: 'api_token',
      userId: null,
      tokenId: apiToken.id,
      role: apiToken.role,
      label: `token:${apiToken.name}`,
      ...origin,
    };
  }
}
