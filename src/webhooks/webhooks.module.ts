import { Module } from '@nestjs/common';
import { DeliverWebhookJob } from './jobs/deliver-webhook.job.js';
import { WebhookEndpointService } from './webhook-endpoint.service.js';
import { WebhookEventListener } from './webhook-event.listener.js';
import { WebhookMetrics } from './webhook.metrics.js';
import { WebhookRepository } from './webhook.repository.js';

// The listener and the job handler register themselves (with the content events and the queue) when
// the module starts; nothing calls them directly.
@Module({
  providers: [WebhookRepository, WebhookEndpointService, WebhookEventListener, DeliverWebhookJob, WebhookMetrics],
  exports: [WebhookEndpointService],
})
export class WebhooksModule {}
