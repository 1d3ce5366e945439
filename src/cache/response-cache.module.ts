import { Global, Module } from '@nestjs/common';
import { CdnPurgeJob } from './cdn-purge.job.js';
import { ContentCacheSubscriber } from './content-cache.subscriber.js';
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
    ContentCacheSubscriber,
    CdnPurgeJob,
  ],
  exports: [RESPONSE_STORE, ResponseCacheMetrics, ResponseCachePurger],
})
export class ResponseCacheModule {}
