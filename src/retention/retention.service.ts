import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { RetentionRepository, type Cutoffs, type PrunedCounts } from './retention.repository.js';

const DAY_MS = 86_400_000;
// Expired counters are useless at once; an hour of slack covers clock skew between instances.
const RATE_LIMIT_SLACK_MS = 3_600_000;

// How long each kind of operational row is kept (RETENTION_* settings), as cutoffs from `now`.
@Injectable()
export class RetentionService {
  constructor(
    private readonly rows: RetentionRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  cutoffs(now: Date): Cutoffs {
    const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
    const { retention } = this.config;
    return {
      finishedJobsBefore: daysAgo(retention.jobsDays),
      loginAttemptsBefore: daysAgo(retention.loginAttemptsDays),
      sessionsExpiredBefore: daysAgo(retention.sessionsDays),
      webhookDeliveriesBefore: daysAgo(retention.webhookDeliveriesDays),
      changeEventsBefore: daysAgo(retention.changeEventsDays),
      rateLimitsExpiredBefore: new Date(now.getTime() - RATE_LIMIT_SLACK_MS),
    };
  }

  prune(now: Date = new Date()): Promise<PrunedCounts> {
    return this.rows.prune(this.cutoffs(now));
  }
}
