import type { Request } from 'express';
import type { ResponseKeys } from '../common/response-keys.js';
import type { CachePolicyContext } from './cache-policy.js';

export interface PublicContext extends CachePolicyContext {
  req: Request & { id?: string };
  /** What the response shows, for the response cache and Surrogate-Key; every read tags it. */
  keys: ResponseKeys;
}
