import { createRequire } from 'node:module';
import type { Redis, RedisOptions } from 'ioredis';

// ioredis (~240 KB of source) is loaded only when REDIS_URL is set and a client is made, not by every
// process and test file that imports the response cache or the rate limiters.
export function createRedisClient(url: string, options: RedisOptions): Redis {
  const { Redis: RedisClient } = createRequire(import.meta.url)('ioredis') as typeof import('ioredis');
  return new RedisClient(url, options);
}
