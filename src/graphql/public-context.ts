import type { Request } from 'express';
import type { ResponseKeys } from '../cache/response-keys.js';
import type { PublicLoaders } from './loaders/public-loaders.js';

export interface PublicContext {
  req: Request & { id?: string };
  loaders: PublicLoaders;
  /** What the response shows, for the response cache and Surrogate-Key; every read tags it. */
  keys: ResponseKeys;
}
