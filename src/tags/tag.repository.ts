import { Injectable } from '@nestjs/common';
import type { ResponseKeys } from '../cache/response-keys.js';
import { PrismaService } from '../database/prisma.service.js';
import { groupBy } from '../common/group-by.js';
import type { Tag } from '../generated/prisma/client.js';
import type { PageRequest } from '../graphql/pagination/connection.args.js';
import { nameKeysetArgs } from '../graphql/pagination/name-keyset.js';

// Trashed tags (deleted_at set) are invisible to every public read.
@Injectable()
export class TagRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findVisibleBySlug(slug: string, keys: ResponseKeys): Promise<Tag | null> {
    return keys.lookup('tag', await this.prisma.tag.findFirst({ where: { slug, deletedAt: null } }));
  }

  async findVisibleByIds(ids: readonly string[], keys: ResponseKeys): Promise<Tag[]> {
    return keys.requested('tag', ids, await this.prisma.tag.findMany({ where: { id: { in: [...ids] }, deletedAt: null } }));
  }

  async listVisible(page: PageRequest, keys: ResponseKeys): Promise<Tag[]> {
    const { where, ...rest } = nameKeysetArgs(page, 'after');
    return keys.listing('tag', await this.prisma.tag.findMany({ where: { ...where, deletedAt: null }, ...rest }));
  }

  countVisible(keys: ResponseKeys): Promise<number> {
    keys.listing('tag', []);
    return this.prisma.tag.count({ where: { deletedAt: null } });
  }

  /** Visible tags of each article, in editor order, in one query for a whole page of articles. */
  async findVisibleByArticleIds(articleIds: readonly string[], keys: ResponseKeys): Promise<Map<string, Tag[]>> {
    const links = await this.prisma.articleTag.findMany({
      where: { articleId: { in: [...articleIds] }, tag: { deletedAt: null } },
      orderBy: { position: 'asc' },
      select: { articleId: true, tag: true },
    });
    return keys.linked(
      'tag',
      groupBy(
        links,
        (link) => link.articleId,
        (link) => link.tag,
      ),
    );
  }
}
