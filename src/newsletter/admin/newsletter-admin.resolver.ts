import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { requireRole } from '../../auth/roles.js';
import { parseInput } from '../../common/parse-input.js';
import type { AdminContext } from '../../graphql/admin-context.js';
import { buildConnection } from '../../graphql/pagination/build-connection.js';
import type { Connection } from '../../graphql/pagination/connection.model.js';
import { decodeCursor, encodeCursor } from '../../graphql/pagination/cursor.js';
import { NewsletterAdminService } from '../newsletter-admin.service.js';
import { roundupRangeSchema, subscribersFilterSchema } from '../newsletter.schema.js';
import { NewsletterRoundupService } from '../roundup/newsletter-roundup.service.js';
import { NewsletterRoundup } from './newsletter-roundup.model.js';
import { NewsletterSubscriberConnection, NewsletterSubscriberModel } from './newsletter-subscriber.model.js';
import { NewsletterSubscribersArgs } from './newsletter-subscribers.args.js';

const DEFAULT_PAGE_SIZE = 20;

@Resolver()
export class NewsletterAdminResolver {
  constructor(
    private readonly subscribers: NewsletterAdminService,
    private readonly roundups: NewsletterRoundupService,
  ) {}

  @Query(() => NewsletterSubscriberConnection, { description: 'Newsletter subscribers, newest first (editors and above)' })
  async newsletterSubscribers(
    @Args() args: NewsletterSubscribersArgs,
    @Context() ctx: AdminContext,
  ): Promise<Connection<NewsletterSubscriberModel>> {
    requireRole(ctx.actor, 'EDITOR', 'list newsletter subscribers');
    const { status, first, after } = parseInput(subscribersFilterSchema, args);
    const filter = { status: status ?? undefined };
    const page = { direction: 'forward' as const, limit: first ?? DEFAULT_PAGE_SIZE, cursor: after ?? undefined };
    const afterId = page.cursor ? String(decodeCursor(page.cursor, ['string'], 'after')[0]) : undefined;
    return buildConnection(
      await this.subscribers.list(filter, { limit: page.limit, afterId }),
      page,
      (row) => encodeCursor([row.id]),
      () => this.subscribers.count(filter),
      NewsletterSubscriberModel.fromRow,
    );
  }

  @Query(() => NewsletterRoundup, { description: 'Articles published in [from, to), grouped by section, for a round-up mail' })
  async newsletterRoundup(
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
    @Context() ctx: AdminContext,
  ): Promise<NewsletterRoundup> {
    requireRole(ctx.actor, 'EDITOR', 'build newsletter round-ups');
    const range = parseInput(roundupRangeSchema, { from, to });
    const sections = await this.roundups.build(range.from, range.to);
    return { ...range, articleCount: sections.reduce((sum, section) => sum + section.articles.length, 0), sections };
  }
}
