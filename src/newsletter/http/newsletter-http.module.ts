import { Module } from '@nestjs/common';
import { NewsletterModule } from '../newsletter.module.js';
import { NewsletterLinkController } from './newsletter-link.controller.js';
import { SubscriberExportController } from './subscriber-export.controller.js';

// The REST side of the newsletter: the links in its mails and the CSV export. Apart from the
// feature module so the worker, which serves no HTTP, does not load controllers.
@Module({
  imports: [NewsletterModule],
  controllers: [NewsletterLinkController, SubscriberExportController],
})
export class NewsletterHttpModule {}
