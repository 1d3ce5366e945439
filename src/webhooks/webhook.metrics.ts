import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsRegistry } from '../metrics/metrics.registry.js';

export type WebhookOutcome = 'delivered' | 'failed' | 'failed_final' | 'dropped' | 'skipped';

// newsdesk_webhook_deliveries_total: each delivery attempt's outcome, by event. failed is retried;
// failed_final was the last attempt; dropped: endpoint disabled; skipped: already done or deleted.
@Injectable()
export class WebhookMetrics {
  private readonly attempts: Counter<'event' | 'outcome'>;

  constructor(metrics: MetricsRegistry) {
    this.attempts = new Counter({
      name: 'newsdesk_webhook_deliveries_total',
      help: 'Webhook delivery attempts by event and outcome',
      labelNames: ['event', 'outcome'],
      registers: [metrics.registry],
    });
  }

  record(event: string, outcome: WebhookOutcome) {
    this.attempts.inc({ event, outcome });
  }
}
