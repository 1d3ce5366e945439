import { Controller, Get, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '../../common/domain-error.js';
import { NewsletterSignupService, type LinkOutcome } from '../newsletter-signup.service.js';
import { messagePage, unsubscribeFormPage } from './newsletter-pages.js';

const MESSAGES: Record<LinkOutcome, [string, string]> = {
  confirmed: ['Subscription confirmed', 'Thank you: you will now receive our newsletter.'],
  already_confirmed: ['Subscription confirmed', 'This address was already confirmed; nothing changed.'],
  unsubscribed: ['Unsubscribed', 'You will not receive our newsletter any more.'],
  already_unsubscribed: ['Unsubscribed', 'This address was already unsubscribed.'],
};

// The links in newsletter mails. Answers are small HTML pages, never cached, and the token in the
// URL is not passed on to other sites (no-referrer; the pages load nothing anyway).
@Controller('newsletter')
export class NewsletterLinkController {
  constructor(private readonly signups: NewsletterSignupService) {}

  @Get('confirm')
  confirm(@Query('token') token: unknown, @Res() res: Response): Promise<void> {
    return this.answer(res, () => this.signups.confirm(stringOrUndefined(token)));
  }

  @Get('unsubscribe')
  unsubscribeForm(@Query('token') token: unknown, @Res() res: Response): void {
    if (typeof token !== 'string' || !token) return this.send(res, 400, messagePage('Invalid link', 'This link is invalid.'));
    this.send(res, 200, unsubscribeFormPage(token));
  }

  // RFC 8058 one-click (List-Unsubscribe=One-Click in the body) and the form above.
  @Post('unsubscribe')
  unsubscribe(@Query('token') token: unknown, @Res() res: Response): Promise<void> {
    return this.answer(res, () => this.signups.unsubscribe(stringOrUndefined(token)));
  }

  private async answer(res: Response, action: () => Promise<LinkOutcome>): Promise<void> {
    try {
      const [title, message] = MESSAGES[await action()];
      this.send(res, 200, messagePage(title, message));
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'BAD_USER_INPUT') throw error;
      this.send(res, 400, messagePage('Invalid link', `${error.message}. Ask for a new mail from the signup form.`));
    }
  }

  private send(res: Response, status: number, html: string): void {
    res
      .status(status)
      .set({
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
      })
      .send(html);
  }
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}
