import { Injectable } from '@nestjs/common';
import type { ResponseKeys } from '../cache/response-keys.js';
import { PrismaService } from '../database/prisma.service.js';
import type { Image } from '../generated/prisma/client.js';

@Injectable()
export class ImageRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findVisibleByIds(ids: readonly string[], keys: ResponseKeys): Promise<Image[]> {
    return keys.requested('image', ids, await this.prisma.image.findMany({ where: { id: { in: [...ids] }, deletedAt: null } }));
  }
}
