import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { JobHandler, JobRecord } from '../../jobs/job-handler.js';
import { JobProcessor } from '../../jobs/job-processor.decorator.js';
import { LOGGER } from '../../logging/logging.module.js';
import { confirmationMail } from '../mail/confirmation-mail.js';
import { MailTransportService } from '../mail/mail-transport.service.js';
import { newsletterLink, siteName } from '../newsletter-links.js';
import { NewsletterSubscriberRepository } from '../newsletter-subscriber.repository.js';
import { NewsletterTokenService } from '../newsletter-token.service.js';
import { SEND_CONFIRMATION_JOB, sendConfirmationPayload } from './send-confirmation.schema.js';

type Payload = z.output<typeof sendConfirmationPayload>;

// Sends the double opt-in mail outside the signup request, so a slow or failing SMTP server neither
// delays nor fails it: the queue retries with backoff. Rerunning is harmless (at worst a second
// copy of the same mail), and an address confirmed in the meantime gets nothing.
@JobProcessor()
@Injectable()
export class SendConfirmationJob implements JobHandler<typeof sendConfirmationPayload> {
  readonly name = SEND_CONFIRMATION_JOB;
  readonly schema = sendConfirmationPayload;

  constructor(
    private readonly subscribers: NewsletterSubscriberRepository,
    private readonly tokens: NewsletterTokenService,
    private readonly mail: MailTransportService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle({ subscriberId }: Payload, job: JobRecord): Promise<void> {
    const subscriber = await this.subscribers.findById(subscriberId);
    if (!subscriber || subscriber.status === 'CONFIRMED') return;
    const links = {
      confirmUrl: newsletterLink(this.config, 'confirm', await this.tokens.sign('confirm', subscriber.id)),
      unsubscribeUrl: newsletterLink(this.config, 'unsubscribe', await this.tokens.sign('unsubscribe', subscriber.id)),
    };
    await this.mail.send(confirmationMail(subscriber.email, siteName(this.config), links));
    await this.subscribers.markConfirmationSent(subscriber.id, new Date());
    this.logger.info({ subscriberId, jobId: job.id }, 'Sent a newsletter confirmation mail');
  }
}
