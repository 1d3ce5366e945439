import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsRegistry } from '../metrics/metrics.registry.js';

@Injectable()
export class ResponseCacheMetrics {
  private readonly lookups: Counter<'result'>;
  private readonly stores: Counter<'result'>;
  private readonly purges: Counter;

  constructor(metrics: MetricsRegistry) {
    const registers = [metrics.registry];
    this.lookups = new Counter({
      name: 'newsdesk_response_cache_lookups_total',
      help: 'Cacheable public requests by result',
      labelNames: ['result'],
      registers,
    });
    this.stores = new Counter({
      name: 'newsdesk_response_cache_stores_total',
      help: 'Computed responses offered to the cache: stored, or skipped because a purge went by meanwhile',
      labelNames: ['result'],
      registers,
    });
    this.purges = new Counter({
      name: 'newsdesk_response_cache_purges_total',
      help: 'Purges applied by this instance',
      registers,
    });
  }

  hit() {
    this.lookups.inc({ result: 'hit' });
  }

  miss() {
    this.lookups.inc({ result: 'miss' });
  }

  stored(stored: boolean) {
    this.stores.inc({ result: stored ? 'stored' : 'skipped' });
  }

  purged() {
    this.purges.inc();
  }
}
