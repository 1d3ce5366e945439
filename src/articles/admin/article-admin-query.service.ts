import { Injectable } from '@nestjs/common';
import type { Actor } from '../../access/actor.js';
import { hasRole } from '../../access/roles.js';
import type { Article, ArticleStatus, Prisma } from '../../generated/prisma/client.js';
import { buildConnection } from '../../common/pagination/build-connection.js';
import type { PageRequest } from '../../common/pagination/page-request.js';
import type { Connection } from '../../common/pagination/connection.js';
import { AdminArticleModel } from './admin-article.model.js';
import { assertCanView } from '../editing/article-access.policy.js';
import { ADMIN_ARTICLE_PAGES, ArticleEditorRepository } from '../editing/article-editor.repository.js';
import { ArticleErrors } from '../article.exception.js';
import type { SavedArticle } from '../editing/article-editor.service.js';

export interface AdminArticleFilter {
  status?: ArticleStatus | null;
  trashed?: boolean | null;
  mine?: boolean | null;
  search?: string | null;
  sectionId?: string | null;
  authorId?: string | null;
  tagId?: string | null;
}

// Editors' reads: every status, working copies. Writers below editor see only their own articles.
@Injectable()
export class ArticleAdminQueryService {
  constructor(private readonly articles: ArticleEditorRepository) {}

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

  /**
   * The admin view of what a write just returned: a save hands over the content it wrote; of a bare
   * row only its bylines and tags still need reading.
   */
  async toModel(written: Article | SavedArticle): Promise<AdminArticleModel> {
    if ('content' in written) return AdminArticleModel.from(written.article, written.content);
    return AdminArticleModel.from(written, await this.articles.workingContent(written));
  }
}
