import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { Image, Prisma } from '../generated/prisma/client.js';
import type { PageRequest } from '../graphql/pagination/connection.args.js';
import { decodeCursor, encodeCursor } from '../graphql/pagination/cursor.js';

export type Tx = Prisma.TransactionClient;

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
@Injectable()
export class ImageAdminRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.transaction(work);
  }

  findById(id: string, db: Tx = this.prisma): Promise<Image | null> {
    return db.image.findUnique({ where: { id } });
  }

  /** Newest first (images_recent_idx, or images_by_uploader_idx); cursor = [createdAt, id]. */
  list(filter: ImageListFilter, page: PageRequest): Promise<Image[]> {
    const forward = page.direction === 'forward';
    const op = forward ? 'lt' : 'gt';
    const order = forward ? ('desc' as const) : ('asc' as const);
    const after = page.cursor ? decodeCursor(page.cursor, ['string', 'string'], forward ? 'after' : 'before') : undefined;
    const keyset: Prisma.ImageWhereInput = after
      ? {
          OR: [
            { createdAt: { [op]: new Date(after[0] as string) } },
            { createdAt: new Date(after[0] as string), id: { [op]: after[1] as string } },
          ],
        }
      : {};
    return this.prisma.image.findMany({
      where: { AND: [this.where(filter), keyset] },
      orderBy: [{ createdAt: order }, { id: order }],
      take: page.limit + 1,
    });
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
  return encodeCursor([image.createdAt.toISOString(), image.id]);
}
