import { Injectable } from '@nestjs/common';
import { groupBy } from '../common/group-by.js';
import { tagLinked, tagListing, tagLookup, tagRequested } from '../cache/response-keys.js';
import { PrismaService } from '../database/prisma.service.js';
import type { Author } from '../generated/prisma/client.js';
import type { PageRequest } from '../graphql/pagination/connection.args.js';
import { nameKeysetArgs } from '../graphql/pagination/name-keyset.js';

// Trashed authors (deleted_at set) are invisible to every public read.
@Injectable()
export class AuthorRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findVisibleBySlug(slug: string): Promise<Author | null> {
    return tagLookup('author', await this.prisma.author.findFirst({ where: { slug, deletedAt: null } }));
  }

  async findVisibleByIds(ids: readonly string[]): Promise<Author[]> {
    return tagRequested('author', ids, await this.prisma.author.findMany({ where: { id: { in: [...ids] }, deletedAt: null } }));
  }

  async listVisible(page: PageRequest): Promise<Author[]> {
    const { where, ...rest } = nameKeysetArgs(page, 'after');
    return tagListing('author', await this.prisma.author.findMany({ where: { ...where, deletedAt: null }, ...rest }));
  }

  countVisible(): Promise<number> {
    tagListing('author', []);
    return this.prisma.author.count({ where: { deletedAt: null } });
  }

  /** Visible bylines of each article, in byline order, in one query for a whole page of articles. */
  async findVisibleByArticleIds(articleIds: readonly string[]): Promise<Map<string, Author[]>> {
    const links = await this.prisma.articleAuthor.findMany({
      where: { articleId: { in: [...articleIds] }, author: { deletedAt: null } },
      orderBy: { position: 'asc' },
      select: { articleId: true, author: true },
    });
    return tagLinked(
      'author',
      groupBy(
        links,
        (link) => link.articleId,
        (link) => link.author,
      ),
    );
  }
}
