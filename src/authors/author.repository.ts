import { Injectable } from '@nestjs/common';
import { groupBy } from '../common/group-by.js';
import { PrismaService } from '../database/prisma.service.js';
import type { Author } from '../generated/prisma/client.js';
import type { PageRequest } from '../graphql/pagination/connection.args.js';
import { nameKeysetArgs } from '../graphql/pagination/name-keyset.js';

// Trashed authors (deleted_at set) are invisible to every public read.
@Injectable()
export class AuthorRepository {
  constructor(private readonly prisma: PrismaService) {}

  findVisibleBySlug(slug: string): Promise<Author | null> {
    return this.prisma.author.findFirst({ where: { slug, deletedAt: null } });
  }

  findVisibleByIds(ids: readonly string[]): Promise<Author[]> {
    return this.prisma.author.findMany({ where: { id: { in: [...ids] }, deletedAt: null } });
  }

  listVisible(page: PageRequest): Promise<Author[]> {
    const { where, ...rest } = nameKeysetArgs(page, 'after');
    return this.prisma.author.findMany({ where: { ...where, deletedAt: null }, ...rest });
  }

  countVisible(): Promise<number> {
    return this.prisma.author.count({ where: { deletedAt: null } });
  }

  /** Visible bylines of each article, in byline order, in one query for a whole page of articles. */
  async findVisibleByArticleIds(articleIds: readonly string[]): Promise<Map<string, Author[]>> {
    const links = await this.prisma.articleAuthor.findMany({
      where: { articleId: { in: [...articleIds] }, author: { deletedAt: null } },
      orderBy: { position: 'asc' },
      select: { articleId: true, author: true },
    });
    return groupBy(
      links,
      (link) => link.articleId,
      (link) => link.author,
    );
  }
}
