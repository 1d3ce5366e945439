import { Global, Module } from '@nestjs/common';
import { ArticleCachePurge } from './article-cache.purge.js';
import { CdnPurgeJob } from './cdn-purge.job.js';
import { ResponseCacheMetrics } from './response-cache.metrics.js';
import { ResponseCachePurger } from './response-cache.purger.js';
import { RESPONSE_STORE } from './response-store.js';
import { responseStoreProvider, ResponseStoreShutdown } from './response-store.provider.js';

// Purging cached public responses on content changes. In both process roles, since the worker
// publishes scheduled articles too; serving from the cache is ResponseCacheHttpModule's part.
@Global()
@Module({
  providers: [
    responseStoreProvider,
    ResponseStoreShutdown,
    ResponseCacheMetrics,
    ResponseCachePurger,
    ArticleCachePurge,
    CdnPurgeJob,
  ],
  exports: [RESPONSE_STORE, ResponseCacheMetrics, ResponseCachePurger, ArticleCachePurge],
})
export class ResponseCacheModule {}
