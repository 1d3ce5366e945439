import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { QueryCounter } from '../database/query-counter.js';
import { MetricsRegistry } from './metrics.registry.js';

// SQL statements sent by request handling (job polling excluded), read from the QueryCounter at each
// scrape. Only counts when query events are on, which METRICS_ENABLED turns on.
@Injectable()
export class SqlStatementsMetric {
  constructor(metrics: MetricsRegistry, queries: QueryCounter) {
    let reported = 0;
    new Counter({
      name: 'newsdesk_sql_statements_total',
      help: 'SQL statements sent to PostgreSQL for requests (job queue polling excluded)',
      registers: [metrics.registry],
      collect() {
        this.inc(queries.total - reported);
        reported = queries.total;
      },
    });
  }
}
