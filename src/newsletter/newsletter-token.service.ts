import { Injectable } from '@nestjs/common';
import { SignJWT, errors, jwtVerify } from 'jose';
import { AppKeys } from '../config/app-secret.js';
import { NewsletterErrors } from './newsletter.exception.js';

export type LinkPurpose = 'confirm' | 'unsubscribe';

// A confirmation link is only good for a week; an unsubscribe link must keep working as long as the
// mail that carries it sits in someone's inbox, so it does not expire (it can only unsubscribe).
const CONFIRM_TTL_SECONDS = 7 * 86_400;

// The signed links in newsletter mails: HS256 tokens naming one subscriber, with the purpose as the
// audience so a confirmation token can never unsubscribe anyone, nor the reverse.
@Injectable()
export class NewsletterTokenService {
  constructor(private readonly keys: AppKeys) {}

  sign(purpose: LinkPurpose, subscriberId: string): Promise<string> {
    const jwt = new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(subscriberId)
      .setAudience(audience(purpose))
      .setIssuedAt();
    if (purpose === 'confirm') jwt.setExpirationTime(`${CONFIRM_TTL_SECONDS}s`);
    return jwt.sign(this.keys.newsletterLink);
  }

  /** The subscriber id; a tampered, expired or other-purpose token is BAD_USER_INPUT. */
  async verify(purpose: LinkPurpose, token: string | undefined): Promise<string> {
    if (!token) throw NewsletterErrors.invalidLink();
    try {
      const { payload } = await jwtVerify(token, this.keys.newsletterLink, {
        audience: audience(purpose),
        algorithms: ['HS256'],
      });
      if (typeof payload.sub === 'string') return payload.sub;
    } catch (error) {
      if (!(error instanceof errors.JOSEError)) throw error;
    }
    throw NewsletterErrors.invalidLink();
  }
}

function audience(purpose: LinkPurpose): string {
  return `newsdesk-newsletter-${purpose}`;
}
