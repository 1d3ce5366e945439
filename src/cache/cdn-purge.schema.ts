import { z } from 'zod';

export const CDN_PURGE_JOB = 'cache.cdn-purge';

export const cdnPurgePayload = z.object({
  keys: z.array(z.string().min(1)).min(1).describe('Surrogate keys whose cached responses the CDN must drop'),
});
