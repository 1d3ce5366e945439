import { Injectable } from '@nestjs/common';
import type { ResponseKeys } from '../cache/response-keys.js';
import { PrismaService } from '../database/prisma.service.js';
import type { Image } from '../generated/prisma/client.js';

// Images as the public sees them: never a trashed one.
@Injectable()
export class ImageRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The one lookup behind featured images, body image blocks and feeds: visible images by uuid. */
  async findVisibleByIds(ids: readonly string[], keys: ResponseKeys): Promise<Image[]> {
    if (ids.length === 0) return [];
    return keys.requested('image', ids, await this.prisma.image.findMany({ where: { id: { in: [...ids] }, deletedAt: null } }));
  }

  /** An uploaded image that /media may serve: not trashed, with a stored file. */
  findServableById(id: string): Promise<Image | null> {
    return this.prisma.image.findFirst({ where: { id, deletedAt: null, storageKey: { not: null } } });
  }

  findServableByStorageKey(storageKey: string): Promise<Image | null> {
    return this.prisma.image.findFirst({ where: { storageKey, deletedAt: null } });
  }
}
