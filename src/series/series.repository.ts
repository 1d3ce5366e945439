import { Injectable } from '@nestjs/common';
import type { ResponseKeys } from '../cache/response-keys.js';
import { PrismaService } from '../database/prisma.service.js';
import type { Series } from '../generated/prisma/client.js';

// Trashed series (deleted_at set) are invisible to every public read.
@Injectable()
export class SeriesRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findVisibleBySlug(slug: string, keys: ResponseKeys): Promise<Series | null> {
    return keys.lookup('series', await this.prisma.series.findFirst({ where: { slug, deletedAt: null } }));
  }

  async findVisibleByIds(ids: readonly string[], keys: ResponseKeys): Promise<Series[]> {
    return keys.requested('series', ids, await this.prisma.series.findMany({ where: { id: { in: [...ids] }, deletedAt: null } }));
  }

  async listVisible(keys: ResponseKeys): Promise<Series[]> {
    return keys.listing('series', await this.prisma.series.findMany({ where: { deletedAt: null }, orderBy: { name: 'asc' } }));
  }
}
