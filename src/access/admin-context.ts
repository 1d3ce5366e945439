import type { Request, Response } from 'express';
import type { Actor } from './actor.js';

export interface AdminContext {
  req: Request & { id?: string };
  /** To set the Studio's session cookie. */
  res?: Response;
  /**
   * Null when no Authorization header was sent; operations that need a login refuse then. Always
   * present: the AuthorizationGuard tells the admin endpoint's context from the public one by it.
   */
  actor: Actor | null;
  /** Why a presented token was refused; the admin auth plugin answers 401 with it. */
  authError?: string;
}
