import type { Tx } from '../database/tx.js';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { Image, Prisma } from '../generated/prisma/client.js';
import type { PageRequest } from '../common/pagination/page-request.js';
import { ModelKeyset } from '../common/pagination/keyset.js';

export interface ImageListFilter {
  /** true: the trash only; false: live images only. */
  trashed: boolean;
  /** Matched as a substring of search_text (caption, credit, alt text, file name; lower-cased). */
  search?: string | null;
  uploadedBy?: string | null;
  uploadedAfter?: Date | null;
  uploadedBefore?: Date | null;
}

export interface ImageUsageRow {
  articleId: string;
  headline: string;
  status: string;
  trashed: boolean;
  usedAs: string;
  source: string;
}

// Reads and writes of images for the admin side, trashed ones included (the public side reads through
// ImageRepository, which hides them). Writes take the caller's transaction, so the audit entry commits
// with the change.
/** Newest first by (createdAt, id). */
const IMAGE_PAGES = new ModelKeyset<Image>(
  [
    ['createdAt', 'timestamp'],
    ['id', 'uuid'],
  ],
  'desc',
);

@Injectable()
export class ImageEditorRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string, db: Tx = this.prisma): Promise<Image | null> {
    return db.image.findUnique({ where: { id } });
  }

  /** Newest first (images_recent_idx). */
  list(filter: ImageListFilter, page: PageRequest): Promise<Image[]> {
    const { where, ...order } = IMAGE_PAGES.page(page);
    return this.prisma.image.findMany({ where: { AND: [this.where(filter), where] }, ...order });
  }

  count(filter: ImageListFilter): Promise<number> {
    return this.prisma.image.count({ where: this.where(filter) });
  }

  create(tx: Tx, data: Prisma.ImageUncheckedCreateInput): Promise<Image> {
    return tx.image.create({ data });
  }

  update(tx: Tx, id: string, data: Prisma.ImageUncheckedUpdateInput): Promise<Image> {
    return tx.image.update({ where: { id }, data });
  }

  /** Articles' featured images and authors' avatars pointing at it become null (ON DELETE SET NULL). */
  async delete(tx: Tx, id: string): Promise<void> {
    await tx.image.delete({ where: { id } });
  }

  /** The articles that show the image (image_usages, rewritten on every article save), trashed ones too. */
  async usage(id: string, db: Tx = this.prisma): Promise<ImageUsageRow[]> {
    const rows = await db.imageUsage.findMany({
      where: { imageId: id },
      include: { article: { select: { headline: true, status: true, deletedAt: true } } },
      orderBy: [{ articleId: 'asc' }],
    });
    return rows.map((row) => ({
      articleId: row.articleId,
      headline: row.article.headline,
      status: row.article.status,
      trashed: row.article.deletedAt !== null,
      usedAs: row.usedAs,
      source: row.source,
    }));
  }

  // Prisma's `contains` becomes LIKE '%term%' (answered by the trigram index images_search_idx) but
  // passes LIKE's wildcards through, so they are escaped here: a search for "100%" means just that.
  private where(filter: ImageListFilter): Prisma.ImageWhereInput {
    const created: Prisma.DateTimeFilter = {};
    if (filter.uploadedAfter) created.gte = filter.uploadedAfter;
    if (filter.uploadedBefore) created.lt = filter.uploadedBefore;
    return {
      deletedAt: filter.trashed ? { not: null } : null,
      ...(filter.search ? { searchText: { contains: escapeLike(filter.search.toLowerCase()) } } : {}),
      ...(filter.uploadedBy ? { createdById: filter.uploadedBy } : {}),
      ...(created.gte || created.lt ? { createdAt: created } : {}),
    };
  }
}

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export function imageCursor(image: Image): string {
  return IMAGE_PAGES.cursorOf(image);
}
