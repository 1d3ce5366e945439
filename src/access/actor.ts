import type { UserRole } from '../generated/prisma/client.js';

// Who is acting, and from where: the subject of every permission check and audit entry.
export interface Actor {
  readonly kind: 'user' | 'api_token' | 'system';
  /** The user acting, directly or (never, today) through a token; null for tokens and the system. */
  readonly userId: string | null;
  /** The API token used, if any. */
  readonly tokenId: string | null;
  readonly role: UserRole;
  /** The byline the user writes under: "own articles" are the ones they created. */
  readonly label: string;
  readonly ip: string | null;
  readonly requestId: string | null;
}

// Background jobs (scheduled publishing) act as the system, with every right.
export const SYSTEM_ACTOR: Actor = {
  kind: 'system',
  userId: null,
  tokenId: null,
  role: 'ADMIN',
  label: 'system',
  ip: null,
  requestId: null,
};
