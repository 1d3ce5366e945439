import { Injectable } from '@nestjs/common';
import { tagLinked, tagListing, tagLookup, tagRequested } from '../cache/response-keys.js';
import { PrismaService } from '../database/prisma.service.js';
import { groupBy } from '../common/group-by.js';
import type { Tag } from '../generated/prisma/client.js';
import type { PageRequest } from '../graphql/pagination/connection.args.js';
import { nameKeysetArgs } from '../graphql/pagination/name-keyset.js';

// Trashed tags (deleted_at set) are invisible to every public read.
@Injectable()
export class TagRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findVisibleBySlug(slug: string): Promise<Tag | null> {
    return tagLookup('tag', await this.prisma.tag.findFirst({ where: { slug, deletedAt: null } }));
  }

  async findVisibleByIds(ids: readonly string[]): Promise<Tag[]> {
    return tagRequested('tag', ids, await this.prisma.tag.findMany({ where: { id: { in: [...ids] }, deletedAt: null } }));
  }

  async listVisible(page: PageRequest): Promise<Tag[]> {
    const { where, ...rest } = nameKeysetArgs(page, 'after');
    return tagListing('tag', await this.prisma.tag.findMany({ where: { ...where, deletedAt: null }, ...rest }));
  }

  countVisible(): Promise<number> {
    tagListing('tag', []);
    return this.prisma.tag.count({ where: { deletedAt: null } });
  }

  /** Visible tags of each article, in editor order, in one query for a whole page of articles. */
  async findVisibleByArticleIds(articleIds: readonly string[]): Promise<Map<string, Tag[]>> {
    const links = await this.prisma.articleTag.findMany({
      where: { articleId: { in: [...articleIds] }, tag: { deletedAt: null } },
      orderBy: { position: 'asc' },
      select: { articleId: true, tag: true },
    });
    return tagLinked(
      'tag',
      groupBy(
        links,
        (link) => link.articleId,
        (link) => link.tag,
      ),
    );
  }
}
