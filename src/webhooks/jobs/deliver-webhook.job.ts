import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { JobHandler, JobRecord } from '../../jobs/job-handler.js';
import { JobProcessor } from '../../jobs/job-processor.decorator.js';
import { LOGGER } from '../../logging/logging.module.js';
import { sendWebhook, type WebhookResponse } from '../delivery/webhook-sender.js';
import { signatureHeader } from '../delivery/webhook-signature.js';
import { checkTarget } from '../delivery/webhook-target.js';
import { DELIVER_WEBHOOK_JOB } from '../webhook-events.js';
import { WebhookMetrics } from '../webhook.metrics.js';
import { WebhookRepository, type DeliveryWithEndpoint } from '../webhook.repository.js';
import { deliverWebhookPayload } from './deliver-webhook.schema.js';

type Payload = z.output<typeof deliverWebhookPayload>;

// Sends one delivery (enqueued by WebhookEventListener or a redelivery). A failure is recorded on the
// delivery and rethrown, so the queue retries with its backoff; the last attempt marks it FAILED.
// Idempotent: a delivery that already succeeded, or is gone with its endpoint, is not sent again.
@JobProcessor()
@Injectable()
export class DeliverWebhookJob implements JobHandler<typeof deliverWebhookPayload> {
  readonly name = DELIVER_WEBHOOK_JOB;
  readonly schema = deliverWebhookPayload;

  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly metrics: WebhookMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle({ deliveryId }: Payload, job: JobRecord): Promise<void> {
    const delivery = await this.webhooks.findDelivery(deliveryId);
    if (!delivery || delivery.status !== 'PENDING') {
      this.logger.info({ deliveryId, jobId: job.id, status: delivery?.status ?? 'deleted' }, 'Webhook delivery skipped');
      this.metrics.record(delivery?.event ?? 'unknown', 'skipped');
      return;
    }
    const final = job.attempts >= job.maxAttempts;
    if (!delivery.endpoint.enabled) {
      await this.webhooks.recordFailure(deliveryId, {
        statusCode: null,
        error: 'Endpoint disabled',
        final: true,
        at: new Date(),
      });
      this.logger.info({ deliveryId, endpointId: delivery.endpointId }, 'Webhook delivery dropped: endpoint disabled');
      this.metrics.record(delivery.event, 'dropped');
      return;
    }
    const outcome = await this.attempt(delivery).catch((error: unknown) => ({ error: errorText(error) }));
    const at = new Date();
    const context = { deliveryId, endpointId: delivery.endpointId, event: delivery.event, attempt: job.attempts, jobId: job.id };
    if ('statusCode' in outcome && outcome.statusCode >= 200 && outcome.statusCode < 300) {
      await this.webhooks.markSucceeded(deliveryId, outcome.statusCode, at);
      this.logger.info({ ...context, statusCode: outcome.statusCode }, 'Webhook delivered');
      this.metrics.record(delivery.event, 'delivered');
      return;
    }
    const failure =
      'statusCode' in outcome
        ? { statusCode: outcome.statusCode, error: `HTTP ${outcome.statusCode}: ${outcome.excerpt}`.trim() }
        : { statusCode: null, error: outcome.error };
    await this.webhooks.recordFailure(deliveryId, { ...failure, final, at });
    this.logger.warn({ ...context, ...failure, final }, 'Webhook delivery failed');
    this.metrics.record(delivery.event, final ? 'failed_final' : 'failed');
    throw new Error(`Webhook delivery ${deliveryId} failed: ${failure.error}`);
  }

  // Checked again at every attempt, and the request goes to the checked address: the endpoint's DNS
  // may have changed since it was saved (rebinding).
  private async attempt(delivery: DeliveryWithEndpoint): Promise<WebhookResponse> {
    const url = new URL(delivery.endpoint.url);
    const check = await checkTarget(url, this.config.webhooks.allowPrivateTargets);
    if (!check.ok) throw new Error(`Refused target ${url.host}: ${check.reason}`);
    const body = JSON.stringify(delivery.payload);
    const timestamp = Math.floor(Date.now() / 1000);
    return sendWebhook({
      url,
      target: check.target,
      body,
      timeoutMs: this.config.webhooks.timeoutMs,
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Newsdesk-Webhooks/1',
        'Newsdesk-Event': delivery.event,
        'Newsdesk-Delivery': delivery.id,
        'Newsdesk-Signature': signatureHeader(delivery.endpoint.secret, body, timestamp),
      },
    });
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
