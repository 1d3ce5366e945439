import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { createRedisClient } from '../common/redis-client.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { DatabaseConnection } from '../database/database-connection.js';
import { PrismaService } from '../database/prisma.service.js';

export interface WindowOptions {
  /** Distinguishes the counters of one limit from another's: "partner", "newsletter". */
  name: string;
  /** Requests allowed per window and key. */
  points: number;
  windowSeconds: number;
}

/** Seconds until the key may try again: 0 when the request was allowed. */
export type RetryAfter = number;

// Fixed-window limits shared by every app instance, with rate-limiter-flexible: counted in Redis when
// REDIS_URL is set, else in PostgreSQL (the rate_limits table, created by a migration rather than by
// the library at run time). The embedded database serves a single process, so its counts stay in
// memory there. If the shared store fails, each instance falls back to counting in its own memory
// (the library's insurance limiter) rather than refusing or letting everything through.
@Injectable()
export class SharedRateLimiters implements OnApplicationShutdown {
  private redis: Redis | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly connection: DatabaseConnection,
    private readonly prisma: PrismaService,
  ) {}

  get store(): 'redis' | 'postgres' | 'memory' {
    if (this.config.responseCache.redisUrl) return 'redis';
    return this.connection.embedded ? 'memory' : 'postgres';
  }

  create({ name, points, windowSeconds }: WindowOptions): RateLimiterAbstract {
    const options = { keyPrefix: name, points, duration: windowSeconds };
    const insuranceLimiter = new RateLimiterMemory(options);
    switch (this.store) {
      case 'redis':
        return new RateLimiterRedis({
          ...options,
          keyPrefix: `${this.config.responseCache.redisKeyPrefix}rate-limit:${name}`,
          storeClient: this.redisClient(),
          insuranceLimiter,
        });
      case 'postgres':
        return new RateLimiterPostgres({
          ...options,
          storeClient: this.prisma.pool,
          storeType: 'pool',
          tableName: 'rate_limits',
          tableCreated: true,
          // The retention job deletes expired rows once for all instances.
          clearExpiredByTimeout: false,
          insuranceLimiter,
        });
      default:
        return insuranceLimiter;
    }
  }

  private redisClient(): Redis {
    if (this.redis) return this.redis;
    this.redis = createRedisClient(this.config.responseCache.redisUrl!, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    // Errors surface as failed limits (and the memory fallback); unheard, they would crash the process.
    this.redis.on('error', () => undefined);
    return this.redis;
  }

  async onApplicationShutdown() {
    this.redis?.disconnect();
  }
}

/** Counts one request for `key`; returns 0 when allowed, else the seconds until the window resets. */
export async function consume(limiter: RateLimiterAbstract, key: string, points = 1): Promise<RetryAfter> {
  try {
    await limiter.consume(key, points);
    return 0;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}
