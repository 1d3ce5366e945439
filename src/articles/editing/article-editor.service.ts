import type { Tx } from '../../database/tx.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../access/actor.js';
import { ArticleErrors } from '../article.exception.js';
import { slugify, uniqueSlug } from '../../common/slug.js';
import { Prisma, type Article } from '../../generated/prisma/client.js';
import { applyChanges, initialContent, type ArticleContent, type ContentChanges } from './article-content.js';
import { assertCanEdit } from './article-access.policy.js';
import { ArticleEditorRepository } from './article-editor.repository.js';
import { ArticleReferencesRepository } from './article-references.repository.js';
import { claimVersion, findWorkable } from './article-guards.js';
import { ArticleHistoryService } from './article-history.service.js';
import { DomainEvents } from '../../events/domain-events.service.js';
import { ArticleScheduleService } from './article-schedule.service.js';

/** A saved article with its working content as saved, for the caller's payload. */
export interface SavedArticle {
  article: Article;
  content: ArticleContent;
}

export interface ArticleEdit {
  id: string;
  expectedVersion: number;
  changes: ContentChanges;
  message?: string | null;
}

// Writing articles: create, edit (with optimistic concurrency), trash, restore, purge. What the public
// sees changes in ArticlePublishingService (README, "Names of the layers"); the admin lists are
// ArticleEditorQueryService's.
@Injectable()
export class ArticleEditorService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly articles: ArticleEditorRepository,
    private readonly references: ArticleReferencesRepository,
    private readonly history: ArticleHistoryService,
    private readonly schedule: ArticleScheduleService,
    private readonly events: DomainEvents,
  ) {}

  async create(actor: Actor, changes: ContentChanges & { headline: string }, message?: string | null): Promise<Article> {
    return this.transactions.run(async (tx) => {
      const slug = changes.slug ?? (await uniqueSlug(slugify(changes.headline), (s) => this.articles.isSlugTaken(tx, s, null)));
      if (changes.slug && (await this.articles.isSlugTaken(tx, changes.slug, null))) throw ArticleErrors.slugTaken(changes.slug);
      const content = applyChanges(await this.defaults(tx, actor, slug, changes.headline), changes);
      await this.assertReferencesExist(tx, changes);
      const article = await this.articles.create(tx, content, actor.userId);
      await this.history.record(tx, actor, article, 'article.created', { message });
      return article;
    });
  }

  /** Saves an edit made on `expectedVersion`; a live article keeps its public version until published. */
  async update(actor: Actor, edit: ArticleEdit): Promise<SavedArticle> {
    return this.transactions.run(async (tx) => {
      const article = await findWorkable(this.articles, tx, edit.id);
      assertCanEdit(actor, article);
      await claimVersion(this.articles, tx, article.id, edit.expectedVersion);
      const current = await this.articles.workingContent(article, tx);
      const next = applyChanges(current, edit.changes);
      await this.assertReferencesExist(tx, edit.changes);
      if (next.slug !== current.slug && (await this.articles.isSlugTaken(tx, next.slug, article.id)))
        throw ArticleErrors.slugTaken(next.slug);
      const saved = await this.persist(tx, article, current, next);
      // What was just written, as a re-read would give it: the revision and the payload need no read.
      const content = this.articles.writtenContent(saved, next);
      await this.history.record(tx, actor, saved, 'article.updated', {
        message: edit.message,
        details: { fields: Object.keys(edit.changes), pending: saved.status === 'PUBLISHED' },
        content,
      });
      return { article: saved, content };
    });
  }

  /** Drops a live article's pending changes: the working copy becomes the published text again. */
  async discardPending(actor: Actor, id: string, expectedVersion: number): Promise<Article> {
    return this.transactions.run(async (tx) => {
      const article = await findWorkable(this.articles, tx, id);
      assertCanEdit(actor, article);
      if (!article.pendingChanges) throw ArticleErrors.noPendingChanges();
      await claimVersion(this.articles, tx, id, expectedVersion);
      const discarded = await this.articles.update(tx, id, { pendingChanges: Prisma.DbNull });
      await this.history.record(tx, actor, discarded, 'article.pending_discarded');
      return discarded;
    });
  }

  async trash(actor: Actor, id: string): Promise<Article> {
    return this.transactions.run(async (tx) => {
      const article = await findWorkable(this.articles, tx, id);
      assertCanEdit(actor, article);
      await claimVersion(this.articles, tx, id, article.version);
      // Trashing cancels a schedule: a restored article never goes live by surprise.
      const unschedule = article.status === 'SCHEDULED' ? { status: 'DRAFT' as const, scheduledAt: null } : {};
      if (article.status === 'SCHEDULED') await this.schedule.cancel(tx, id);
      const trashed = await this.articles.update(tx, id, { deletedAt: new Date(), ...unschedule });
      await this.history.record(tx, actor, trashed, 'article.trashed', { details: { previousStatus: article.status } });
      if (article.status === 'PUBLISHED') await this.events.record(tx, { entity: 'article', action: 'deleted', id: id });
      return trashed;
    });
  }

  async restore(actor: Actor, id: string): Promise<Article> {
    return this.transactions.run(async (tx) => {
      const article = await this.articles.findById(id, tx);
      if (!article) throw ArticleErrors.notFound();
      assertCanEdit(actor, article);
      if (!article.deletedAt) throw ArticleErrors.notInTrash();
      await claimVersion(this.articles, tx, id, article.version);
      const restored = await this.articles.update(tx, id, { deletedAt: null });
      await this.history.record(tx, actor, restored, 'article.restored');
      if (restored.status === 'PUBLISHED') await this.events.record(tx, { entity: 'article', action: 'published', id: id });
      return restored;
    });
  }

  /** Admins only: declared on the purgeArticle operation. */
  async purge(actor: Actor, id: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const article = await this.articles.findById(id, tx);
      if (!article) throw ArticleErrors.notFound();
      const wasVisible = article.status === 'PUBLISHED' && !article.deletedAt;
      // Its tags and bylines go with the row: the lists it was in are known only before.
      if (wasVisible) await this.events.begin(tx, { entity: 'article', id: id });
      await this.schedule.cancel(tx, id);
      await this.articles.delete(tx, id);
      await this.history.auditOnly(tx, actor, article, 'article.purged', { slug: article.slug, headline: article.headline });
      if (wasVisible) await this.events.record(tx, { entity: 'article', action: 'deleted', id: id });
    });
  }

  /** Writes the edit and returns the row as written (version claimed, pending or live content). */
  private async persist(tx: Tx, article: Article, current: ArticleContent, next: ArticleContent): Promise<Article> {
    if (article.status === 'PUBLISHED') return this.articles.writePending(tx, article.id, next);
    const saved = await this.articles.writeLive(tx, article.id, next);
    if (article.publishedAt && next.slug !== current.slug) await this.articles.rememberOldSlug(tx, article.id, current.slug);
    return saved;
  }

  private async defaults(tx: Tx, actor: Actor, slug: string, headline: string): Promise<ArticleContent> {
    const authorId = actor.userId ? await this.references.authorIdOfUser(tx, actor.userId) : null;
    // A writer's own byline by default.
    return { ...initialContent(), slug, headline, authorIds: authorId ? [authorId] : [] };
  }

  private async assertReferencesExist(tx: Tx, changes: ContentChanges): Promise<void> {
    const missing = await this.references.missingReferences(tx, changes);
    // Body image blocks refer to library images by id, like the featured image.
    const blocks = changes.body ? await this.references.missingBodyImages(tx, changes.body) : [];
    const paths = [...missing.map((field) => `input.${field}`), ...blocks.map((index) => `input.body.${index}.imageId`)];
    if (paths.length) throw ArticleErrors.missingReferences(paths);
  }
}
