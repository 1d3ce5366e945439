import type { Tx } from '../../database/tx.js';
import { Clock } from '../../common/clock/clock.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR, type Actor } from '../../access/actor.js';
import { ArticleErrors } from '../article.exception.js';
import type { Article } from '../../generated/prisma/client.js';
import { assertCanPublish } from './article-access.policy.js';
import { assertPublishable } from './article-publishing.rules.js';
import { nextStatus } from './article-transitions.js';
import { ArticleEditorRepository } from './article-editor.repository.js';
import { claimVersion, findWorkable } from './article-guards.js';
import { ArticleHistoryService } from './article-history.service.js';
import { DomainEvents } from '../../events/domain-events.service.js';
import { ArticleScheduleService } from './article-schedule.service.js';
import type { ArticleContent } from './article-content.js';
import type { SavedArticle } from './article-editor.service.js';

// Minimum lead time for scheduling, so "now" is a publish, not a schedule that fires at once.
const MIN_SCHEDULE_LEAD_MS = 1000;

// The publishing workflow: the one way an article's public version changes (publish, schedule, unpublish,
// the scheduled job), checked by assertCanPublish rather than assertCanEdit; which status may go to which
// is article-transitions.ts. The working
// content is read once per step (after the article, so a later claimVersion proves it current) and
// handed to the write, the revision and the caller's payload.
@Injectable()
export class ArticlePublishingService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly articles: ArticleEditorRepository,
    private readonly history: ArticleHistoryService,
    private readonly schedule: ArticleScheduleService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async publish(actor: Actor, id: string, expectedVersion?: number): Promise<SavedArticle> {
    return this.transactions.run(async (tx) => {
      const article = await findWorkable(this.articles, tx, id);
      assertCanPublish(actor, article);
      nextStatus('publish', article);
      const working = await this.articles.workingContent(article, tx);
      assertPublishable(working);
      await claimVersion(this.articles, tx, article.id, expectedVersion ?? article.version);
      const published = await this.goLive(tx, article, working);
      if (article.status === 'SCHEDULED') await this.schedule.cancel(tx, id);
      const action = article.status === 'PUBLISHED' ? 'updated' : 'published';
      const content = this.articles.writtenContent(published, working);
      await this.history.record(tx, actor, published, `article.${action}`, { details: { from: article.status }, content });
      await this.events.record(tx, { entity: 'article', action, id: id });
      return { article: published, content };
    });
  }

  async scheduleAt(actor: Actor, id: string, publishAt: Date): Promise<SavedArticle> {
    if (publishAt.getTime() < this.clock.now().getTime() + MIN_SCHEDULE_LEAD_MS) {
      throw ArticleErrors.scheduleInPast();
    }
    return this.transactions.run(async (tx) => {
      const article = await findWorkable(this.articles, tx, id);
      assertCanPublish(actor, article);
      const status = nextStatus('schedule', article);
      const working = await this.articles.workingContent(article, tx);
      assertPublishable(working);
      await claimVersion(this.articles, tx, article.id, article.version);
      const scheduled = await this.articles.update(tx, id, { status, scheduledAt: publishAt });
      await this.schedule.plan(tx, id, publishAt);
      // Only status and date changed: the content is the one just read.
      const content = this.articles.writtenContent(scheduled, working);
      const details = { publishAt: publishAt.toISOString() };
      await this.history.record(tx, actor, scheduled, 'article.scheduled', { details, content });
      return { article: scheduled, content };
    });
  }

  async unpublish(actor: Actor, id: string): Promise<SavedArticle> {
    return this.transactions.run(async (tx) => {
      const article = await findWorkable(this.articles, tx, id);
      assertCanPublish(actor, article);
      const status = nextStatus('unpublish', article);
      await claimVersion(this.articles, tx, article.id, article.version);
      // Pending changes become the article's own text, so no edit is lost by unpublishing.
      const working = await this.articles.workingContent(article, tx);
      if (article.status === 'PUBLISHED') await this.events.begin(tx, { entity: 'article', id: id });
      const unpublished = await this.articles.writeLive(tx, id, working, { status, scheduledAt: null });
      if (article.status === 'SCHEDULED') await this.schedule.cancel(tx, id);
      const content = this.articles.writtenContent(unpublished, working);
      await this.history.record(tx, actor, unpublished, 'article.unpublished', { details: { from: article.status }, content });
      if (article.status === 'PUBLISHED') await this.events.record(tx, { entity: 'article', action: 'unpublished', id: id });
      return { article: unpublished, content };
    });
  }

  /** The scheduled-publish job: publishes only a still-scheduled, due article, so a rerun does nothing. */
  async publishScheduled(articleId: string): Promise<'published' | 'skipped'> {
    return this.transactions.run(async (tx) => {
      const article = await this.articles.findDueScheduled(tx, articleId, this.clock.now());
      if (!article) return 'skipped';
      if (!(await this.articles.claimVersion(tx, article.id, article.version))) return 'skipped';
      const working = await this.articles.workingContent(article, tx);
      const published = await this.goLive(tx, article, working);
      await this.history.record(tx, SYSTEM_ACTOR, published, 'article.published', {
        details: { from: 'SCHEDULED', scheduled: true },
        content: this.articles.writtenContent(published, working),
      });
      await this.events.record(tx, { entity: 'article', action: 'published', id: article.id });
      return 'published';
    });
  }

  private async goLive(tx: Tx, article: Article, content: ArticleContent): Promise<Article> {
    if (content.slug !== article.slug && (await this.articles.isSlugTaken(tx, content.slug, article.id))) {
      throw ArticleErrors.slugTaken(content.slug);
    }
    const now = this.clock.now();
    const publishedAt = article.publishedAt ?? (article.status === 'SCHEDULED' ? article.scheduledAt : null) ?? now;
    // The public version changes here and only here; a first publish is also its first "update".
    const publicUpdatedAt = article.publishedAt ? now : publishedAt;
    // Publishing pending changes may move a live article out of tags and sections.
    if (article.status === 'PUBLISHED') await this.events.begin(tx, { entity: 'article', id: article.id });
    const live = await this.articles.writeLive(tx, article.id, content, {
      status: 'PUBLISHED',
      publishedAt,
      publicUpdatedAt,
      scheduledAt: null,
    });
    if (article.status === 'PUBLISHED' && content.slug !== article.slug)
      await this.articles.rememberOldSlug(tx, article.id, article.slug);
    return live;
  }
}
