import type { Tx } from '../../database/tx.js';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../access/actor.js';
import { AuditService } from '../../audit/audit.service.js';
import type { Article } from '../../generated/prisma/client.js';
import type { ArticleContent } from './article-content.js';
import { ArticleEditorRepository } from './article-editor.repository.js';
import { ArticleRevisionRepository, type ArticleSnapshot } from './article-revision.repository.js';

// Nothing lost: every change to an article leaves a full-snapshot revision (for the version it
// produced) and an audit entry, in the transaction of the change itself.
@Injectable()
export class ArticleHistoryService {
  constructor(
    private readonly articles: ArticleEditorRepository,
    private readonly revisions: ArticleRevisionRepository,
    private readonly audit: AuditService,
  ) {}

  async record(
    tx: Tx,
    actor: Actor,
    article: Article,
    action: string,
    // `content`: the article's working content when the caller has it already (a save just wrote it).
    options: { message?: string | null; details?: Record<string, unknown>; content?: ArticleContent } = {},
  ): Promise<void> {
    const snapshot: ArticleSnapshot = {
      status: article.status,
      publishedAt: article.publishedAt?.toISOString() ?? null,
      scheduledAt: article.scheduledAt?.toISOString() ?? null,
      content: options.content ?? (await this.articles.workingContent(article, tx)),
    };
    await this.revisions.addRevision(tx, article, snapshot, actor, options.message ?? null);
    await this.auditOnly(tx, actor, article, action, {
      version: article.version,
      status: article.status,
      ...options.details,
    });
  }

  /** For changes that leave no article to snapshot (purge). */
  async auditOnly(tx: Tx, actor: Actor, article: Article, action: string, details: Record<string, unknown>): Promise<void> {
    await this.audit.record(tx, actor, { action, entityType: 'Article', entityId: article.id, details });
  }
}
