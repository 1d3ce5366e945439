import { TransactionRunner } from '../database/transaction-runner.js';
import { Injectable } from '@nestjs/common';
import { JobQueueService } from '../jobs/job-queue.service.js';
import { SEND_CONFIRMATION_JOB } from './jobs/send-confirmation.schema.js';
import { NewsletterRateLimiter } from './newsletter-rate-limiter.js';
import { NewsletterSubscriberRepository } from './newsletter-subscriber.repository.js';
import { NewsletterTokenService } from './newsletter-token.service.js';

export type LinkOutcome = 'confirmed' | 'already_confirmed' | 'unsubscribed' | 'already_unsubscribed';

// Double opt-in signups. The public answer never depends on the address's state, so the form cannot
// tell anyone who subscribes; state only decides whether a confirmation mail goes out.
@Injectable()
export class NewsletterSignupService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly subscribers: NewsletterSubscriberRepository,
    private readonly tokens: NewsletterTokenService,
    private readonly rateLimiter: NewsletterRateLimiter,
    private readonly jobs: JobQueueService,
  ) {}

  /**
   * New, pending and unsubscribed addresses get a (fresh) confirmation mail; an unsubscribed one stays
   * unsubscribed until its owner clicks, so nobody can re-subscribe someone else. A confirmed one
   * gets nothing: a "you are already subscribed" mail would only be another thing to abuse.
   */
  async subscribe(email: string, ip: string): Promise<void> {
    await this.rateLimiter.take(ip, email);
    await this.transactions.run(async (tx) => {
      const subscriber = await this.subscribers.findOrCreate(tx, email);
      if (subscriber.status === 'CONFIRMED') return;
      // Repeated requests before the mail goes out collapse into one job.
      await this.jobs.enqueue(tx, {
        name: SEND_CONFIRMATION_JOB,
        payload: { subscriberId: subscriber.id },
        dedupeKey: `${SEND_CONFIRMATION_JOB}:${subscriber.id}`,
      });
    });
  }

  async confirm(token: string | undefined): Promise<LinkOutcome> {
    const id = await this.tokens.verify('confirm', token);
    return this.transactions.run(async (tx) => {
      const changed = await this.subscribers.changeStatus(tx, id, 'CONFIRMED', new Date());
      return changed ? 'confirmed' : 'already_confirmed';
    });
  }

  async unsubscribe(token: string | undefined): Promise<LinkOutcome> {
    const id = await this.tokens.verify('unsubscribe', token);
    return this.transactions.run(async (tx) => {
      const changed = await this.subscribers.changeStatus(tx, id, 'UNSUBSCRIBED', new Date());
      return changed ? 'unsubscribed' : 'already_unsubscribed';
    });
  }
}
