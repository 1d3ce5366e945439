import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { MemoryResponseStore } from './memory-response-store.js';
import { RedisResponseStore } from './redis-response-store.js';
import { RESPONSE_STORE, type ResponseStore } from './response-store.js';

/** The configured store; null when RESPONSE_CACHE=off. */
export const responseStoreProvider: Provider = {
  provide: RESPONSE_STORE,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): ResponseStore | null => {
    const { store, redisUrl, redisKeyPrefix, maxBytes, ttlSeconds } = config.responseCache;
    if (store === 'off') return null;
    if (store === 'redis') return new RedisResponseStore(redisUrl!, redisKeyPrefix, ttlSeconds);
    return new MemoryResponseStore(maxBytes, ttlSeconds * 1000);
  },
};

@Injectable()
export class ResponseStoreShutdown implements OnApplicationShutdown {
  constructor(@Inject(RESPONSE_STORE) private readonly store: ResponseStore | null) {}

  async onApplicationShutdown() {
    await this.store?.close();
  }
}
