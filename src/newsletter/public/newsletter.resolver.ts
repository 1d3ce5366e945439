import { Context, Mutation, Resolver } from '@nestjs/graphql';
import type { z } from 'zod';
import { ValidInput } from '../../graphql-types/valid-input.decorator.js';
import type { PublicContext } from '../../graphql-types/public-context.js';
import { subscribeSchema } from '../newsletter.schema.js';
import { NewsletterSignupService } from '../newsletter-signup.service.js';
import { SubscribeToNewsletterInput } from './subscribe-to-newsletter.input.js';
import { SubscribeToNewsletterPayload } from './subscribe-to-newsletter.payload.js';

const ANSWER: SubscribeToNewsletterPayload = {
  ok: true,
  message: 'Thanks! If this address is not subscribed yet, we have sent it a mail with a confirmation link.',
};

// The public endpoint's only mutation. Signups are double opt-in, so no CSRF defence is needed here:
// a forged request can at most send someone a confirmation mail, which the rate limit bounds.
@Resolver()
export class NewsletterResolver {
  constructor(private readonly signups: NewsletterSignupService) {}

  @Mutation(() => SubscribeToNewsletterPayload, { description: 'Asks for the newsletter; the address must confirm by mail' })
  async subscribeToNewsletter(
    @ValidInput(SubscribeToNewsletterInput, subscribeSchema) { email }: z.output<typeof subscribeSchema>,
    @Context() ctx: PublicContext,
  ): Promise<SubscribeToNewsletterPayload> {
    await this.signups.subscribe(email, ctx.req.ip ?? 'unknown');
    return ANSWER;
  }
}
