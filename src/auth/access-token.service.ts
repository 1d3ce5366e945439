import { Inject, Injectable } from '@nestjs/common';
import { SignJWT, jwtVerify, errors } from 'jose';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { AppKeys } from '../config/app-secret.js';

export interface AccessTokenClaims {
  userId: string;
  sessionId: string;
}

const ISSUER = 'newsdesk';
const AUDIENCE = 'newsdesk-admin';

// Short-lived signed access tokens (JWT, HS256). The session they name is checked on every request,
// so logging out ends them at once rather than at expiry.
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly keys: AppKeys,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(claims: AccessTokenClaims): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + this.config.auth.accessTokenTtlSeconds * 1000);
    const token = await new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.keys.accessToken);
    return { token, expiresAt };
  }

  /** The claims of a valid token; null for anything forged, expired or malformed. */
  async verify(token: string): Promise<AccessTokenClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.keys.accessToken, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return null;
      return { userId: payload.sub, sessionId: payload.sid };
    } catch (error) {
      if (error instanceof errors.JOSEError) return null;
      throw error;
    }
  }
}
