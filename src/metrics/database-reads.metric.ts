import { Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { ReadRouter } from '../database/replicas/read-router.js';
import { MetricsRegistry } from './metrics.registry.js';

// Where reads went and how far the read replicas lag (DATABASE_READ_URLS), read from the ReadRouter
// at each scrape.
@Injectable()
export class DatabaseReadsMetric {
  constructor(metrics: MetricsRegistry, router: ReadRouter) {
    const registers = [metrics.registry];
    const reported = { primary: 0, replica: 0, lagging: 0, unavailable: 0, failed: 0 };
    new Counter({
      name: 'newsdesk_database_reads_total',
      help: 'Read statements outside transactions by the server that answered them (primary or replica)',
      labelNames: ['target'],
      registers,
      collect() {
        for (const target of ['primary', 'replica'] as const) {
          this.inc({ target }, router.stats[target] - reported[target]);
          reported[target] = router.stats[target];
        }
      },
    });
    new Counter({
      name: 'newsdesk_database_replica_fallbacks_total',
      help: 'Public reads sent to the primary although replicas exist: none had replayed the latest purge (lagging), none answered (unavailable), or one failed mid-read (failed)',
      labelNames: ['reason'],
      registers,
      collect() {
        for (const reason of ['lagging', 'unavailable', 'failed'] as const) {
          this.inc({ reason }, router.stats.fallbacks[reason] - reported[reason]);
          reported[reason] = router.stats.fallbacks[reason];
        }
      },
    });
    new Gauge({
      name: 'newsdesk_database_replica_lag_bytes',
      help: 'WAL a read replica had yet to replay at the last probe (the primary position minus its replayed position)',
      labelNames: ['replica'],
      registers,
      collect() {
        this.reset();
        for (const replica of router.status()) {
          if (replica.lagBytes !== undefined) this.set({ replica: replica.name }, replica.lagBytes);
        }
      },
    });
    new Gauge({
      name: 'newsdesk_database_replica_up',
      help: 'Whether a read replica answered the last probe as a streaming standby (1) or not (0)',
      labelNames: ['replica'],
      registers,
      collect() {
        this.reset();
        for (const replica of router.status()) this.set({ replica: replica.name }, replica.state === 'up' ? 1 : 0);
      },
    });
  }
}
