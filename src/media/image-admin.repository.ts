import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { Image, Prisma } from '../generated/prisma/client.js';
import type { PageRequest } from '../graphql/pagination/connection.args.js';
import { decodeCursor, encodeCursor } from '../graphql/pagination/cursor.js';

export type Tx = Prisma.TransactionClient;

export interface ImageListFilter {
  /** true: the trash only; false: live images only. */
  trashed: boolean;
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

  /** Newest first (images_recent_idx); cursor = [createdAt, id]. */
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
      where: { ...this.where(filter), ...keyset },
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

  private where(filter: ImageListFilter): Prisma.ImageWhereInput {
    return { deletedAt: filter.trashed ? { not: null } : null };
  }
}

export function imageCursor(image: Image): string {
  return encodeCursor([image.createdAt.toISOString(), image.id]);
}
