import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { Image } from '../generated/prisma/client.js';

@Injectable()
export class ImageRepository {
  constructor(private readonly prisma: PrismaService) {}

  findVisibleByIds(ids: readonly string[]): Promise<Image[]> {
    return this.prisma.image.findMany({ where: { id: { in: [...ids] }, deletedAt: null } });
  }
}
