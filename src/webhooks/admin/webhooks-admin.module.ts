import { Module } from '@nestjs/common';
import { WebhooksModule } from '../webhooks.module.js';
import { WebhookAdminResolver } from './webhook-admin.resolver.js';

@Module({ imports: [WebhooksModule], providers: [WebhookAdminResolver] })
export class WebhooksAdminModule {}
