import type { Logger } from 'pino';
import { ArticlesModule } from './articles/articles.module.js';
import { AuditModule } from './audit/audit.module.js';
import type { Clock } from './common/clock/clock.js';
import { ClockModule } from './common/clock/clock.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ResponseCacheModule } from './cache/response-cache.module.js';
import type { AppConfig } from './config/app-config.js';
import type { AppKeys } from './config/app-secret.js';
import { ConfigModule } from './config/config.module.js';
import type { DatabaseConnection } from './database/database-connection.js';
import { DatabaseModule } from './database/database.module.js';
import { EventsModule } from './events/events.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { LoggingModule } from './logging/logging.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { NewsletterModule } from './newsletter/newsletter.module.js';
import { RateLimitModule } from './rate-limit/rate-limit.module.js';
import { RetentionModule } from './retention/retention.module.js';
import { ChangesModule } from './syndication/changes/changes.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';

// What both process roles (HTTP app and worker) are built on. Config, logger and database connection
// are settled before Nest starts, so every provider can rely on a ready, migrated database.
// Content events and cache purging are here because scheduled publishing emits them in either role.
export function coreModules(config: AppConfig, keys: AppKeys, logger: Logger, connection: DatabaseConnection, clock?: Clock) {
  return [
    ClockModule.forRoot(clock),
    ConfigModule.forRoot(config, keys),
    LoggingModule.forRoot(logger),
    DatabaseModule.forConnection(connection),
    AuthModule,
    AuditModule,
    JobsModule,
    EventsModule,
    MetricsModule,
    ResponseCacheModule,
    RateLimitModule,
    RetentionModule,
  ];
}

// The feature modules whose providers register job handlers and event listeners. Both roles import them
// by name: the worker runs their jobs, and the web app must not depend on GraphQL wiring to have them.
// ChangesModule holds the change feed's subscriber: without it, what the worker publishes on schedule
// never reached partners.
export const JOB_HANDLER_MODULES = [ArticlesModule, ChangesModule, NewsletterModule, WebhooksModule];
