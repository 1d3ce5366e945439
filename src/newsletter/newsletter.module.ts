import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module.js';
import { SendConfirmationJob } from './jobs/send-confirmation.job.js';
import { MailTransportService } from './mail/mail-transport.service.js';
import { NewsletterEditorService } from './newsletter-editor.service.js';
import { NewsletterRateLimiter } from './newsletter-rate-limiter.js';
import { NewsletterSignupService } from './newsletter-signup.service.js';
import { NewsletterSubscriberRepository } from './newsletter-subscriber.repository.js';
import { NewsletterTokenService } from './newsletter-token.service.js';
import { NewsletterRoundupService } from './roundup/newsletter-roundup.service.js';

const services = [
  NewsletterSubscriberRepository,
  NewsletterTokenService,
  NewsletterRateLimiter,
  NewsletterSignupService,
  NewsletterEditorService,
  NewsletterRoundupService,
  MailTransportService,
];

// Signups, their mails and the editors' tools. The job handler registers itself with the queue, so
// any process importing this module (web app or worker) sends confirmation mails.
@Module({ imports: [ArticlesModule], providers: [...services, SendConfirmationJob], exports: services })
export class NewsletterModule {}
