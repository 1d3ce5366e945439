import { Module } from '@nestjs/common';
import { PurgeNotificationListener } from './purge-notification.listener.js';
import { ResponseCacheMiddleware } from './response-cache.middleware.js';

// The HTTP side of the response cache: answering from it (the middleware, mounted by the app factory
// ahead of GraphQL and the controllers) and hearing other instances' purges.
@Module({ providers: [ResponseCacheMiddleware, PurgeNotificationListener], exports: [ResponseCacheMiddleware] })
export class ResponseCacheHttpModule {}
