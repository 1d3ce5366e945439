import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { Logger } from 'pino';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import type { DatabaseConnection } from './database/database-connection.js';
import { DatabaseModule } from './database/database.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { AppExceptionFilter } from './common/exception.filter.js';
import { AppKeys } from './config/app-secret.js';
import { AdminGraphqlModule } from './graphql/admin-graphql.module.js';
import { PublicGraphqlModule } from './graphql/public-graphql.module.js';
import { HealthModule } from './health/health.module.js';
import { EventsModule } from './events/events.module.js';
import { FeedsModule } from './feeds/feeds.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { LoggingModule } from './logging/logging.module.js';
import { MediaHttpModule } from './media/http/media-http.module.js';
import { NewsletterHttpModule } from './newsletter/http/newsletter-http.module.js';
import { SyndicationModule } from './syndication/syndication.module.js';

@Module({})
export class AppModule {
  // Config, logger and database connection are settled before Nest starts (see app.factory.ts), so
  // every provider can rely on a ready, migrated database.
  static register(config: AppConfig, keys: AppKeys, logger: Logger, connection: DatabaseConnection): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, keys),
        LoggingModule.forRoot(logger),
        DatabaseModule.forConnection(connection),
        AuthModule,
        AuditModule,
        JobsModule,
        EventsModule,
        HealthModule,
        PublicGraphqlModule,
        AdminGraphqlModule,
        MediaHttpModule,
        NewsletterHttpModule,
        FeedsModule,
        SyndicationModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: AppExceptionFilter }],
    };
  }
}
