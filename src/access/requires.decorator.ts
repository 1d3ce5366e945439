import { Reflector } from '@nestjs/core';
import type { UserRole } from '../generated/prisma/client.js';

// What an operation demands of its caller, declared on the operation itself and enforced by the
// AuthorizationGuard before anything runs. Every admin operation (GraphQL root field or REST route
// under /admin) must declare one; the guard refuses those that do not.
export type AccessRule =
  | { readonly kind: 'role'; readonly role: UserRole; readonly action: string }
  | { readonly kind: 'anonymous'; readonly reason: string };

export const ACCESS_RULE = Reflector.createDecorator<AccessRule>();

/**
 * A login with at least `role`; `action` completes "Your role (…) may not <action>". A login alone
 * is `@Requires('CONTRIBUTOR', …)`: the lowest role, so every actor has it, and should a lower role
 * ever be added it gets nothing until operations name it.
 */
export const Requires = (role: UserRole, action: string) => ACCESS_RULE({ kind: 'role', role, action });

/** No login needed (logging in, refreshing a session); `reason` says why, for the reader. */
export const AllowAnonymous = (reason: string) => ACCESS_RULE({ kind: 'anonymous', reason });
