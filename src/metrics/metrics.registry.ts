import cluster from 'node:cluster';
import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { clusterMetricsText, joinClusterMetrics } from '../cluster/cluster-metrics.js';

// This process's Prometheus registry: process metrics (RSS, CPU, event loop lag) plus the counters
// features register on it. One per app instance, so tests with several instances do not mix counts.
// In a cluster worker (WEB_CONCURRENCY) it is also what the primary aggregates (cluster/cluster-metrics.ts).
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'newsdesk_' });
    if (cluster.isWorker) joinClusterMetrics(this.registry);
  }

  /** The Prometheus text a scrape gets: this process's metrics, or in a cluster every worker's. */
  text(): Promise<string> {
    return cluster.isWorker ? clusterMetricsText() : this.registry.metrics();
  }
}
