import { Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { MetricsRegistry } from '../metrics/metrics.registry.js';
import { JobRepository } from './job.repository.js';

// The queue as Prometheus sees it: pending jobs and the age of the oldest due one per job name, read
// from the jobs table at each scrape (so every instance reports the same, whole-queue values), and
// this instance's failed runs.
@Injectable()
export class JobQueueMetrics {
  private readonly failures: Counter<'name' | 'final'>;

  constructor(metrics: MetricsRegistry, jobs: JobRepository) {
    const registers = [metrics.registry];
    // prom-client collects all metrics of a scrape at once: both gauges share one query.
    let current: ReturnType<JobRepository['stats']> | undefined;
    const snapshot = () => (current ??= jobs.stats().finally(() => setImmediate(() => (current = undefined))));
    new Gauge({
      name: 'newsdesk_jobs_pending',
      help: 'Jobs not yet completed or failed, by name (due now or scheduled later)',
      labelNames: ['name', 'state'],
      registers,
      async collect() {
        this.reset();
        for (const row of await snapshot()) {
          this.set({ name: row.name, state: 'due' }, row.due);
          this.set({ name: row.name, state: 'scheduled' }, row.pending - row.due);
        }
      },
    });
    new Gauge({
      name: 'newsdesk_jobs_oldest_due_age_seconds',
      help: 'How long the oldest due job has been waiting, by name (0 when none is due)',
      labelNames: ['name'],
      registers,
      async collect() {
        this.reset();
        for (const row of await snapshot()) this.set({ name: row.name }, row.oldestDueAgeSeconds);
      },
    });
    this.failures = new Counter({
      name: 'newsdesk_job_failures_total',
      help: 'Failed job runs on this instance, by name; final="true" when no retry is left',
      labelNames: ['name', 'final'],
      registers,
    });
  }

  failed(name: string, final: boolean) {
    this.failures.inc({ name, final: String(final) });
  }
}
