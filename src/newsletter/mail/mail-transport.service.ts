import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { createTransport } from 'nodemailer';
import type { Logger } from 'pino';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { LOGGER } from '../../logging/logging.module.js';
import { redactUrlsInText } from '../../logging/redact-url.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

type Transporter = ReturnType<typeof createTransport>;

// Sends mail through SMTP_URL with nodemailer. Without SMTP_URL (development, the embedded demo) the
// mail is logged instead, its link tokens redacted (logs are kept and shipped); outside production
// the whole mail, links included, is printed to the terminal so signups can be tried without a server.
@Injectable()
export class MailTransportService implements OnModuleInit, OnModuleDestroy {
  private transporter: Transporter | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  // nodemailer is loaded only when SMTP_URL is set: without it (development, the embedded demo, most
  // tests) every process would load it for nothing. Still at start-up, so a bad SMTP_URL stops it there.
  async onModuleInit() {
    if (!this.config.mail.smtpUrl) return;
    const { createTransport } = await import('nodemailer');
    this.transporter = createTransport(this.config.mail.smtpUrl);
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transporter) {
      const headers = Object.fromEntries(Object.entries(mail.headers).map(([name, value]) => [name, redactUrlsInText(value)]));
      this.logger.info(
        { mail: { from: this.config.mail.from, ...mail, text: redactUrlsInText(mail.text), headers, html: undefined } },
        `Mail to ${mail.to} (SMTP_URL unset, not sent)`,
      );
      if (this.config.env !== 'production') this.printToTerminal(mail);
      return;
    }
    await this.transporter.sendMail({ from: this.config.mail.from, ...mail });
  }

  private printToTerminal(mail: OutgoingMail) {
    const headers = Object.entries(mail.headers).map(([name, value]) => `${name}: ${value}`);
    process.stderr.write(
      ['', `--- mail (not sent: SMTP_URL is unset) to ${mail.to}: ${mail.subject}`, ...headers, '', mail.text, '---', ''].join(
        '\n',
      ),
    );
  }

  onModuleDestroy() {
    this.transporter?.close();
  }
}
