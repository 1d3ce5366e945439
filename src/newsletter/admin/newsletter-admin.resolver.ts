import { Query, Resolver } from '@nestjs/graphql';
import { Requires } from '../../access/requires.decorator.js';
import { ValidArgs } from '../../graphql-types/valid-input.decorator.js';
import type { Connection } from '../../common/pagination/connection.js';
import { DEFAULT_PAGE_SIZE } from '../../common/pagination/page-request.js';
import { NewsletterEditorService } from '../newsletter-editor.service.js';
import { roundupRangeSchema, subscribersFilterSchema, type RoundupRange, type SubscribersFilter } from '../newsletter.schema.js';
import { NewsletterRoundupService } from '../roundup/newsletter-roundup.service.js';
import { NewsletterRoundupModel } from './newsletter-roundup.model.js';
import { NewsletterSubscriberConnection, NewsletterSubscriberModel } from './newsletter-subscriber.model.js';
import { NewsletterRoundupArgs } from './newsletter-roundup.args.js';
import { NewsletterSubscribersArgs } from './newsletter-subscribers.args.js';

@Resolver()
export class NewsletterAdminResolver {
  constructor(
    private readonly subscribers: NewsletterEditorService,
    private readonly roundups: NewsletterRoundupService,
  ) {}

  @Query(() => NewsletterSubscriberConnection, { description: 'Newsletter subscribers, newest first (editors and above)' })
  @Requires('EDITOR', 'list newsletter subscribers')
  async newsletterSubscribers(
    @ValidArgs(NewsletterSubscribersArgs, subscribersFilterSchema) args: SubscribersFilter,
  ): Promise<Connection<NewsletterSubscriberModel>> {
    const { status, first, after } = args;
    const filter = { status: status ?? undefined };
    const page = { direction: 'forward' as const, limit: first ?? DEFAULT_PAGE_SIZE, cursor: after ?? undefined };
    return this.subscribers.list(filter, page);
  }

  @Query(() => NewsletterRoundupModel, {
    description: 'Articles published in [from, to), grouped by section, for a round-up mail',
  })
  @Requires('EDITOR', 'build newsletter round-ups')
  async newsletterRoundup(
    @ValidArgs(NewsletterRoundupArgs, roundupRangeSchema) range: RoundupRange,
  ): Promise<NewsletterRoundupModel> {
    const sections = await this.roundups.build(range.from, range.to);
    return { ...range, articleCount: sections.reduce((sum, section) => sum + section.articles.length, 0), sections };
  }
}
