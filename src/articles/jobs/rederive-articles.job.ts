import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { JobHandler, JobRecord } from '../../jobs/job-handler.js';
import { JobProcessor } from '../../jobs/job-processor.decorator.js';
import { LOGGER } from '../../logging/logging.module.js';
import { ArticleDerivationService, REDERIVE_ARTICLES_JOB } from '../derivation/article-derivation.service.js';

export const rederiveArticlesPayload = z.object({
  scope: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('stale'), version: z.int().positive() }),
      z.object({ kind: z.literal('never-derived') }),
      z.object({ kind: z.literal('section'), sectionId: z.uuid() }),
      z.object({ kind: z.literal('image'), imageId: z.uuid() }),
    ])
    .describe('Which articles to re-derive: older derivation versions, never derived, or one section'),
});

// Idempotent: deriving twice writes the same values.
@JobProcessor()
@Injectable()
export class RederiveArticlesJob implements JobHandler<typeof rederiveArticlesPayload> {
  readonly name = REDERIVE_ARTICLES_JOB;
  readonly schema = rederiveArticlesPayload;

  constructor(
    private readonly derivation: ArticleDerivationService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle({ scope }: z.output<typeof rederiveArticlesPayload>, job: JobRecord): Promise<void> {
    const articles = await this.derivation.rederive(scope);
    this.logger.info({ jobId: job.id, scope, articles }, `Re-derived ${articles} articles`);
  }
}
