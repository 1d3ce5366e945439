import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { JobHandler, JobRecord } from '../../jobs/job-handler.js';
import { JobProcessor } from '../../jobs/job-processor.decorator.js';
import { LOGGER } from '../../logging/logging.module.js';
import { ArticlePublishingService } from '../editing/article-publishing.service.js';
import { PUBLISH_SCHEDULED_JOB } from '../editing/article-schedule.service.js';
import { publishScheduledArticlePayload } from './publish-scheduled-article.schema.js';

type Payload = z.output<typeof publishScheduledArticlePayload>;

// Publishes a scheduled article when its time comes (enqueued by ArticleScheduleService with
// run_at = publishAt). Idempotent: the publishing service publishes only a still-SCHEDULED, due article, so a
// rerun, or a job left over from an unschedule, does nothing.
@JobProcessor()
@Injectable()
export class PublishScheduledArticleJob implements JobHandler<typeof publishScheduledArticlePayload> {
  readonly name = PUBLISH_SCHEDULED_JOB;
  readonly schema = publishScheduledArticlePayload;

  constructor(
    private readonly publishing: ArticlePublishingService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle({ articleId }: Payload, job: JobRecord): Promise<void> {
    const outcome = await this.publishing.publishScheduled(articleId);
    this.logger.info({ articleId, jobId: job.id, outcome }, `Scheduled publishing of article ${articleId}: ${outcome}`);
  }
}
