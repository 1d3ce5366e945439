import { Injectable } from '@nestjs/common';
import { groupBy } from '../common/group-by.js';
import type { ResponseKeys } from '../cache/response-keys.js';
import { PrismaService } from '../database/prisma.service.js';
import type { Author } from '../generated/prisma/client.js';
import type { PageRequest } from '../graphql/pagination/connection.args.js';
import { nameKeysetArgs } from '../graphql/pagination/name-keyset.js';

// Trashed authors (deleted_at set) are invisible to every public read.
@Injectable()
export class AuthorRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findVisibleBySlug(slug: string, keys: ResponseKeys): Promise<Author | null> {
    return keys.lookup('author', await this.prisma.author.findFirst({ where: { slug, deletedAt: null } }));
  }

  async findVisibleByIds(ids: readonly string[], keys: ResponseKeys): Promise<Author[]> {
    return keys.requested('author', ids, await this.prisma.author.findMany({ where: { id: { in: [...ids] }, deletedAt: null } }));
  }

  async listVisible(page: PageRequest, keys: ResponseKeys): Promise<Author[]> {
    const { where, ...rest } = nameKeysetArgs(page, 'after');
    return keys.listing('author', await this.prisma.author.findMany({ where: { ...where, deletedAt: null }, ...rest }));
  }

  countVisible(keys: ResponseKeys): Promise<number> {
    keys.listing('author', []);
    return this.prisma.author.count({ where: { deletedAt: null } });
  }

  /** Visible bylines of each article, in byline order, in one query for a whole page of articles. */
  async findVisibleByArticleIds(articleIds: readonly string[], keys: ResponseKeys): Promise<Map<string, Author[]>> {
    const links = await this.prisma.articleAuthor.findMany({
      where: { articleId: { in: [...articleIds] }, author: { deletedAt: null } },
      orderBy: { position: 'asc' },
      select: { articleId: true, author: true },
    });
    return keys.linked(
      'author',
      groupBy(
        links,
        (link) => link.articleId,
        (link) => link.author,
      ),
    );
  }
}
