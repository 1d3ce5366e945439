import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';

// This process's Prometheus registry: process metrics (RSS, CPU, event loop lag) plus the counters
// features register on it. One per app instance, so tests with several instances do not mix counts.
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'newsdesk_' });
  }
}
