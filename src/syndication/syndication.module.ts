import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { ChangeFeedController } from './changes/change-feed.controller.js';
import { ChangesModule } from './changes/changes.module.js';
import { PartnerMiddleware } from './partners/partner.middleware.js';
import { PartnersModule } from './partners/partners.module.js';

// REST side of syndication: the partner-key middleware for /feeds and /syndication, and the change
// feed. Sitemaps are public and need no key.
@Module({ imports: [PartnersModule, ChangesModule], controllers: [ChangeFeedController] })
export class SyndicationModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(PartnerMiddleware).forRoutes('feeds', 'feeds/{*path}', 'syndication/{*path}');
  }
}
