import type { Request } from 'express';
import type { PublicLoaders } from './loaders/public-loaders.js';

export interface PublicContext {
  req: Request & { id?: string };
  loaders: PublicLoaders;
}
