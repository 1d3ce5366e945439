import { AccessErrors } from './access.exception.js';
import type { UserRole } from '../generated/prisma/client.js';
import type { Actor } from './actor.js';

// Each role has every right of the roles before it.
const RANK: Record<UserRole, number> = { CONTRIBUTOR: 1, AUTHOR: 2, EDITOR: 3, ADMIN: 4 };

export function hasRole(actor: Actor, minimum: UserRole): boolean {
  return RANK[actor.role] >= RANK[minimum];
}

// Operations declare what they need with @Requires (requires.decorator.ts) and the AuthorizationGuard
// calls these two. Outside src/auth only resource policies use requireRole, for a role a rule demands
// of some resources only (e.g. editing images others uploaded).

/** The one way to demand a login; the message tests and the Studio match. */
export function requireActor(actor: Actor | null | undefined): Actor {
  if (!actor) throw AccessErrors.notLoggedIn();
  return actor;
}

/** The one way to demand a role; the message tests and the Studio match. */
export function requireRole(actor: Actor | null | undefined, minimum: UserRole, action = 'do this'): Actor {
  const known = requireActor(actor);
  if (!hasRole(known, minimum)) {
    throw AccessErrors.roleTooLow(known.role, minimum, action);
  }
  return known;
}
