import { Injectable } from '@nestjs/common';
import type { Actor } from '../../access/actor.js';
import { ArticleErrors } from '../article.exception.js';
import type { Article, ArticleRevision } from '../../generated/prisma/client.js';
import type { PageRequest } from '../../common/pagination/page-request.js';
import { diffContent, storedContentSchema, type ArticleContent } from './article-content.js';
import { assertCanView } from './article-access.policy.js';
import { ArticleEditorService, type SavedArticle } from './article-editor.service.js';
import { ArticleEditorRepository } from './article-editor.repository.js';
import { ArticleRevisionRepository } from './article-revision.repository.js';

export interface RevisionComparison {
  from: ArticleRevision;
  to: ArticleRevision;
  changes: { field: string; before: unknown; after: unknown }[];
}

// Reading an article's history, comparing two versions, and putting an old version back (which is
// itself a new save, so restoring never destroys anything either).
@Injectable()
export class ArticleRevisionService {
  constructor(
    private readonly articles: ArticleEditorRepository,
    private readonly revisions: ArticleRevisionRepository,
    private readonly editor: ArticleEditorService,
  ) {}

  /** Newest first; the cursor is the version. */
  async list(actor: Actor, articleId: string, page: PageRequest): Promise<{ article: Article; revisions: ArticleRevision[] }> {
    const article = await this.viewable(actor, articleId);
    return { article, revisions: await this.revisions.listRevisions(articleId, page) };
  }

  async compare(actor: Actor, articleId: string, fromVersion: number, toVersion: number): Promise<RevisionComparison> {
    await this.viewable(actor, articleId);
    const [from, to] = await Promise.all([
      this.revision(articleId, fromVersion, 'fromVersion'),
      this.revision(articleId, toVersion, 'toVersion'),
    ]);
    return { from, to, changes: diffContent(contentOf(from), contentOf(to)) };
  }

  async restore(
    actor: Actor,
    input: { id: string; version: number; expectedVersion: number; message?: string | null },
  ): Promise<SavedArticle> {
    const revision = await this.revision(input.id, input.version, 'input.version');
    return this.editor.update(actor, {
      id: input.id,
      expectedVersion: input.expectedVersion,
      changes: contentOf(revision),
      message: input.message ?? `Restored version ${input.version}`,
    });
  }

  private async viewable(actor: Actor, articleId: string): Promise<Article> {
    const article = await this.articles.findById(articleId);
    if (!article) throw ArticleErrors.notFound();
    assertCanView(actor, article);
    return article;
  }

  private async revision(articleId: string, version: number, path: string): Promise<ArticleRevision> {
    const revision = await this.revisions.findRevision(articleId, version);
    if (!revision) throw ArticleErrors.noSuchVersion(path, version);
    return revision;
  }
}

export function contentOf(revision: ArticleRevision): ArticleContent {
  return storedContentSchema.parse((revision.snapshot as { content: unknown }).content);
}
