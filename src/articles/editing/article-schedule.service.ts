import { Injectable } from '@nestjs/common';
import { JobQueueService } from '../../jobs/job-queue.service.js';
import type { Tx } from '../../database/tx.js';

export const PUBLISH_SCHEDULED_JOB = 'article.publish-scheduled';

const dedupeKey = (articleId: string) => `article.publish:${articleId}`;

// A scheduled article goes live through a job on the PostgreSQL queue (one per article), so it is
// published on time after restarts and exactly once however many instances run.
@Injectable()
export class ArticleScheduleService {
  constructor(private readonly jobs: JobQueueService) {}

  async plan(tx: Tx, articleId: string, publishAt: Date): Promise<void> {
    await this.jobs.enqueue(tx, {
      name: PUBLISH_SCHEDULED_JOB,
      payload: { articleId },
      runAt: publishAt,
      dedupeKey: dedupeKey(articleId),
    });
  }

  async cancel(tx: Tx, articleId: string): Promise<void> {
    await this.jobs.cancel(tx, dedupeKey(articleId));
  }
}
