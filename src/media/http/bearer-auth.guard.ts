import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '../../auth/actor.js';
import { AuthenticatorService } from '../../auth/authenticator.service.js';
import { requireActor } from '../../auth/roles.js';

export type AuthenticatedRequest = Request & { id?: unknown; actor?: Actor };

// Authenticates a REST request from its Authorization header before its body is read, so nobody
// without a valid token can make the server take in an upload. The actor is left on the request.
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(private readonly authenticator: AuthenticatorService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const origin = { ip: req.ip ?? null, requestId: req.id === undefined ? null : String(req.id) };
    req.actor = requireActor(await this.authenticator.authenticate(req.headers.authorization, origin));
    return true;
  }
}
