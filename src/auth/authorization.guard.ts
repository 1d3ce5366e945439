import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { Actor } from '../access/actor.js';
import { AuthenticatorService } from './authenticator.service.js';
import { actorHolderOf, type AuthenticatedRequest } from '../access/request-actor.js';
import { ACCESS_RULE } from '../access/requires.decorator.js';
import { requireRole } from '../access/roles.js';
import { AccessErrors } from '../access/access.exception.js';

const ADMIN_HTTP_PREFIX = '/admin/';

// The one place roles are checked for an operation: it reads the operation's @Requires/@AllowAnonymous
// and refuses before its arguments are parsed or a service runs. Registered globally (APP_GUARD), so
// it sees every GraphQL root field of both endpoints and every REST route; field resolvers are reached
// only through a root field and are not guarded again.
//
// Fail closed: an admin operation that declares nothing is refused, so forgetting the decorator
// cannot open an operation to everyone. Public operations (the read-only /graphql, feeds, media
// files) declare nothing and pass.
@Injectable()
export class AuthorizationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: AuthenticatorService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.get(ACCESS_RULE, context.getHandler());
    if (!rule) {
      if (isAdminOperation(context)) throw AccessErrors.undeclaredRule(operationName(context));
      return true;
    }
    if (rule.kind === 'anonymous') return true;
    requireRole(await this.actorOf(context), rule.role, rule.action);
    return true;
  }

  // The admin GraphQL context authenticated the request already. A REST request is authenticated here,
  // before an interceptor reads its body: nobody without a valid token makes the server take in an upload.
  private async actorOf(context: ExecutionContext): Promise<Actor | null | undefined> {
    if (context.getType<GqlContextType>() === 'graphql') return actorHolderOf(context).actor;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (req.actor === undefined) {
      const origin = { ip: req.ip ?? null, requestId: req.id === undefined ? null : String(req.id) };
      req.actor = await this.authenticator.authenticate(req.headers.authorization, origin);
    }
    return req.actor;
  }
}

// The admin endpoint's context always carries `actor` (null when anonymous, see admin-context.ts); the
// public endpoint's never does. REST admin routes live under /admin/ (Express matches routes
// case-insensitively, so the path is compared in lower case).
function isAdminOperation(context: ExecutionContext): boolean {
  const type = context.getType<GqlContextType>();
  if (type === 'graphql') return 'actor' in GqlExecutionContext.create(context).getContext<object>();
  if (type === 'http')
    return context.switchToHttp().getRequest<AuthenticatedRequest>().path.toLowerCase().startsWith(ADMIN_HTTP_PREFIX);
  return false;
}

function operationName(context: ExecutionContext): string {
  if (context.getType<GqlContextType>() === 'graphql')
    return GqlExecutionContext.create(context).getInfo<{ fieldName: string }>().fieldName;
  return `${context.getClass().name}.${context.getHandler().name}`;
}
