import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { Image, Prisma } from '../generated/prisma/client.js';
import type { PageRequest } from '../common/pagination/page-request.js';
import { ModelKeyset } from '../common/pagination/keyset.js';

export type Tx = Prisma.TransactionClient;

export interface ImageListFilter {
  /** true: the trash only; false: live images only. */
  trashed: boolean;
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
export class ImageAdminRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.transaction(work);
  }

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

  private where(filter: ImageListFilter): Prisma.ImageWhereInput {
    return { deletedAt: filter.trashed ? { not: null } : null };
  }
}

export function imageCursor(image: Image): string {
  return IMAGE_PAGES.cursorOf(image);
}
