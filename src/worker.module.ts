import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { ArticlesModule } from './articles/articles.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import type { AppConfig } from './config/app-config.js';
import type { AppKeys } from './config/app-secret.js';
import { ConfigModule } from './config/config.module.js';
import type { DatabaseConnection } from './database/database-connection.js';
import { DatabaseModule } from './database/database.module.js';
import { EventsModule } from './events/events.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { LoggingModule } from './logging/logging.module.js';
import { NewsletterModule } from './newsletter/newsletter.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';

// The feature modules whose providers register job handlers. The web app reaches them through its
// GraphQL modules; the worker imports them directly.
export const JOB_HANDLER_MODULES = [ArticlesModule, NewsletterModule, WebhooksModule];

// The worker role: the application's services and job handlers, without GraphQL or an HTTP server.
@Module({})
export class WorkerModule {
  static register(config: AppConfig, keys: AppKeys, logger: Logger, connection: DatabaseConnection): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config, keys),
        LoggingModule.forRoot(logger),
        DatabaseModule.forConnection(connection),
        AuthModule,
        AuditModule,
        JobsModule,
        // Scheduled publishing emits content events: the change feed and webhooks must hear them here too.
        EventsModule,
        ...JOB_HANDLER_MODULES,
      ],
    };
  }
}
