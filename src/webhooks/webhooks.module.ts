import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module.js';
import { AuthorsModule } from '../authors/authors.module.js';
import { MediaModule } from '../media/media.module.js';
import { SectionsModule } from '../sections/sections.module.js';
import { SeriesModule } from '../series/series.module.js';
import { TagsModule } from '../tags/tags.module.js';
import { PublicContentReader } from './public-content.reader.js';
import { DeliverWebhookJob } from './jobs/deliver-webhook.job.js';
import { WebhookEditorService } from './webhook-editor.service.js';
import { WebhookEventListener } from './webhook-event.listener.js';
import { WebhookMetrics } from './webhook.metrics.js';
import { WebhookRepository } from './webhook.repository.js';

// The listener subscribes to content changes and the job handler registers with the queue; nothing
// calls them directly.
@Module({
  imports: [ArticlesModule, AuthorsModule, TagsModule, SectionsModule, SeriesModule, MediaModule],
  providers: [
    PublicContentReader,
    WebhookRepository,
    WebhookEditorService,
    WebhookEventListener,
    DeliverWebhookJob,
    WebhookMetrics,
  ],
  exports: [WebhookEditorService],
})
export class WebhooksModule {}
