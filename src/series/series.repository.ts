import { Injectable } from '@nestjs/common';
import { tagListing, tagLookup, tagRequested } from '../cache/response-keys.js';
import { PrismaService } from '../database/prisma.service.js';
import type { Series } from '../generated/prisma/client.js';

// Trashed series (deleted_at set) are invisible to every public read.
@Injectable()
export class SeriesRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findVisibleBySlug(slug: string): Promise<Series | null> {
    return tagLookup('series', await this.prisma.series.findFirst({ where: { slug, deletedAt: null } }));
  }

  async findVisibleByIds(ids: readonly string[]): Promise<Series[]> {
    return tagRequested('series', ids, await this.prisma.series.findMany({ where: { id: { in: [...ids] }, deletedAt: null } }));
  }

  async listVisible(): Promise<Series[]> {
    return tagListing('series', await this.prisma.series.findMany({ where: { deletedAt: null }, orderBy: { name: 'asc' } }));
  }
}
