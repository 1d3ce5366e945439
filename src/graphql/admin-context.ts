import type { Request } from 'express';
import type { Actor } from '../auth/actor.js';

export interface AdminContext {
  req: Request & { id?: string };
  /** Null when no Authorization header was sent; operations that need a login refuse then. */
  actor: Actor | null;
  /** Why a presented token was refused; the admin auth plugin answers 401 with it. */
  authError?: string;
}
