import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type { Logger } from 'pino';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { LOGGER } from '../../logging/logging.module.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

type Transporter = ReturnType<typeof createTransport>;

// Sends mail through SMTP_URL with nodemailer. Without SMTP_URL (development, the embedded demo) the
// mail is written to the log instead, links included, so signups can be tried without a mail server.
@Injectable()
export class MailTransportService implements OnModuleDestroy {
  private readonly transporter: Transporter | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.transporter = config.mail.smtpUrl ? createTransport(config.mail.smtpUrl) : null;
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transporter) {
      this.logger.info(
        { mail: { from: this.config.mail.from, ...mail, html: undefined } },
        `Mail to ${mail.to} (SMTP_URL unset, not sent)`,
      );
      return;
    }
    await this.transporter.sendMail({ from: this.config.mail.from, ...mail });
  }

  onModuleDestroy() {
    this.transporter?.close();
  }
}
