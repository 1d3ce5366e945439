import { Injectable } from '@nestjs/common';
import type { Actor } from '../../access/actor.js';
import { hasRole } from '../../access/roles.js';
import type { Article, Prisma } from '../../generated/prisma/client.js';
import { buildConnection } from '../../common/pagination/build-connection.js';
import type { PageRequest } from '../../common/pagination/page-request.js';
import type { Connection } from '../../common/pagination/connection.js';
import { AdminArticleModel, ArticleRevisionModel } from './admin-article.model.js';
import { assertCanView } from '../editing/article-access.policy.js';
import { ADMIN_ARTICLE_PAGES, ArticleEditorRepository } from '../editing/article-editor.repository.js';
import { ArticleErrors } from '../article.exception.js';
import { REVISION_PAGES } from '../editing/article-revision.repository.js';
import { ArticleRevisionService } from '../editing/article-revision.service.js';
import type { AdminArticleFilter } from './article-admin.schema.js';
import type { SavedArticle } from '../editing/article-editor.service.js';

// Editors' reads: every status, working copies, history. Writers below editor see only their own articles.
// The admin lists of ArticleEditorService, kept apart because they build admin models, and editing/
// (which admin/ imports) may not import admin/.
@Injectable()
export class ArticleEditorQueryService {
  constructor(
    private readonly articles: ArticleEditorRepository,
    private readonly history: ArticleRevisionService,
  ) {}

  async get(actor: Actor, id: string): Promise<AdminArticleModel> {
    const article = await this.articles.findById(id);
    if (!article) throw ArticleErrors.notFound();
    assertCanView(actor, article);
    return AdminArticleModel.from(article, await this.articles.workingContent(article));
  }

  async list(actor: Actor, filter: AdminArticleFilter, page: PageRequest): Promise<Connection<AdminArticleModel>> {
    // The list's form of assertCanView: writers below editor see only their own articles.
    const ownOnly = filter.mine || !hasRole(actor, 'EDITOR');
    const where: Prisma.ArticleWhereInput = {
      deletedAt: filter.trashed ? { not: null } : null,
      ...(filter.status ? { status: filter.status } : {}),
      ...(ownOnly ? { createdById: actor.userId ?? '00000000-0000-0000-0000-000000000000' } : {}),
      ...(filter.search ? { headline: { contains: filter.search, mode: 'insensitive' as const } } : {}),
      ...(filter.sectionId ? { sectionId: filter.sectionId } : {}),
      ...(filter.authorId ? { authors: { some: { authorId: filter.authorId } } } : {}),
      ...(filter.tagId ? { tags: { some: { tagId: filter.tagId } } } : {}),
    };
    const rows = await this.articles.listForAdmin(where, page);
    const contents = await this.articles.workingContents(rows);
    const models = rows.map((row, index) => ({ row, model: AdminArticleModel.from(row, contents[index]!) }));
    return buildConnection(
      models,
      page,
      ({ row }) => ADMIN_ARTICLE_PAGES.cursorOf(row),
      () => this.articles.countForAdmin(where),
      ({ model }) => model,
    );
  }

  /** An article's saved versions, newest first; the cursor is the version. */
  async revisions(actor: Actor, articleId: string, page: PageRequest): Promise<Connection<ArticleRevisionModel>> {
    const { article, revisions } = await this.history.list(actor, articleId, page);
    return buildConnection(
      revisions,
      page,
      (revision) => REVISION_PAGES.cursorOf(revision),
      // Every change claims a version and writes its revision, so there are exactly `version` of them.
      async () => article.version,
      ArticleRevisionModel.fromRow,
    );
  }

  /**
   * The admin view of what a write just returned: a save hands over the content it wrote; of a bare
   * row only its bylines and tags still need reading.
   */
  async toModel(written: Article | SavedArticle): Promise<AdminArticleModel> {
    if ('content' in written) return AdminArticleModel.from(written.article, written.content);
    return AdminArticleModel.from(written, await this.articles.workingContent(written));
  }
}
