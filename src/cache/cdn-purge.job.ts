import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ReadRouter } from '../database/replicas/read-router.js';
import type { JobHandler } from '../jobs/job-handler.js';
import { JobProcessor } from '../jobs/job-processor.decorator.js';
import { LOGGER } from '../logging/logging.module.js';
import { CDN_PURGE_JOB, cdnPurgePayload } from './cdn-purge.schema.js';

const PURGE_TIMEOUT_MS = 10_000;

// Tells the CDN to drop responses by surrogate key: POST {"surrogate_keys": [...]} to CDN_PURGE_URL,
// the body of Fastly's batch purge (other CDNs: point the URL at a small adapter). A failure throws,
// so the queue retries with backoff; purging twice is harmless. With read replicas it first waits
// until every replica that answers has replayed the change: a CDN refills from any instance at once,
// and must not be handed the old version by a lagging replica.
@JobProcessor()
@Injectable()
export class CdnPurgeJob implements JobHandler<typeof cdnPurgePayload> {
  readonly name = CDN_PURGE_JOB;
  readonly schema = cdnPurgePayload;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly replicas: ReadRouter,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle({ keys }: z.output<typeof cdnPurgePayload>): Promise<void> {
    const target = this.config.responseCache.cdnPurge;
    if (!target) return;
    // The job runs after the change committed, so the primary's position now includes it. The wait
    // (CDN_PURGE_REPLAY_WAIT_MS) is short, since the job runner runs one job at a time; a replica
    // that lags longer fails this run, and the queue retries it with backoff.
    if (!(await this.replicas.awaitReplay(target.replayWaitMs))) {
      throw new Error(
        `Read replicas have not replayed the change within ${target.replayWaitMs} ms; the CDN purge waits for them`,
      );
    }
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (target.header) headers[target.header[0]] = target.header[1];
    const response = await fetch(target.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ surrogate_keys: keys }),
      signal: AbortSignal.timeout(PURGE_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`CDN purge answered ${response.status}`);
    this.logger.debug({ keys: keys.length }, 'CDN purge sent');
  }
}
