import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { Request } from 'express';
import type { Actor } from './actor.js';

/** A REST request once the AuthorizationGuard has authenticated it. */
export type AuthenticatedRequest = Request & { id?: unknown; actor?: Actor | null };

/** Where the caller's actor lives: the admin GraphQL context, or the REST request. */
export interface ActorHolder {
  actor?: Actor | null;
}

export function actorHolderOf(context: ExecutionContext): ActorHolder {
  if (context.getType<GqlContextType>() === 'graphql') return GqlExecutionContext.create(context).getContext<ActorHolder>();
  return context.switchToHttp().getRequest<AuthenticatedRequest>();
}
