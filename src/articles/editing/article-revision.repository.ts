import type { Tx } from '../../database/tx.js';
import { Injectable } from '@nestjs/common';
import { ModelKeyset } from '../../common/pagination/keyset.js';
import type { PageRequest } from '../../common/pagination/page-request.js';
import { PrismaService } from '../../database/prisma.service.js';
import type { Prisma, Article, ArticleRevision } from '../../generated/prisma/client.js';
import type { ArticleContent } from './article-content.js';

export type ArticleSnapshot = {
  status: Article['status'];
  publishedAt: string | null;
  scheduledAt: string | null;
  content: ArticleContent;
};

/** Newest first by version. */
export const REVISION_PAGES = new ModelKeyset<ArticleRevision>([['version', 'integer']], 'desc');

// article_revisions: one full snapshot per version an article went through.
@Injectable()
export class ArticleRevisionRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** An article's revisions, newest first. */
  listRevisions(articleId: string, page: PageRequest): Promise<ArticleRevision[]> {
    const { where, ...order } = REVISION_PAGES.page(page);
    return this.prisma.articleRevision.findMany({ where: { AND: [{ articleId }, where] }, ...order });
  }

  findRevision(articleId: string, version: number): Promise<ArticleRevision | null> {
    return this.prisma.articleRevision.findUnique({ where: { articleId_version: { articleId, version } } });
  }

  async addRevision(
    tx: Tx,
    article: Article,
    snapshot: ArticleSnapshot,
    author: { userId: string | null; tokenId: string | null },
    message: string | null,
  ): Promise<ArticleRevision> {
    return tx.articleRevision.create({
      data: {
        articleId: article.id,
        version: article.version,
        snapshot: snapshot as unknown as Prisma.InputJsonValue,
        message,
        createdById: author.userId,
        createdByTokenId: author.tokenId,
      },
    });
  }
}
