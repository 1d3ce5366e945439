import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { JobHandler, JobRecord } from '../../jobs/job-handler.js';
import { JobProcessor } from '../../jobs/job-processor.decorator.js';
import { LOGGER } from '../../logging/logging.module.js';
import { StoredEmbedsService } from '../editing/stored-embeds.service.js';
import { SANITIZE_STORED_EMBEDS_JOB, sanitizeStoredEmbedsPayload } from './sanitize-stored-embeds.schema.js';

// The one-off data migration of embed HTML saved before it was sanitised on write (see
// StoredEmbedsService). A migration inserts this job, so it runs once per database, in the
// background, in whichever process runs jobs; a rerun finds nothing left to change.
@JobProcessor()
@Injectable()
export class SanitizeStoredEmbedsJob implements JobHandler<typeof sanitizeStoredEmbedsPayload> {
  readonly name = SANITIZE_STORED_EMBEDS_JOB;
  readonly schema = sanitizeStoredEmbedsPayload;

  constructor(
    private readonly embeds: StoredEmbedsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle(_payload: unknown, job: JobRecord): Promise<void> {
    const changed = await this.embeds.sanitiseAll();
    this.logger.info({ jobId: job.id, changed }, `Sanitised the embed HTML of ${changed} stored article(s)`);
  }
}
