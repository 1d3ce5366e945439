import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { Series } from '../generated/prisma/client.js';

// Trashed series (deleted_at set) are invisible to every public read.
@Injectable()
export class SeriesRepository {
  constructor(private readonly prisma: PrismaService) {}

  findVisibleBySlug(slug: string): Promise<Series | null> {
    return this.prisma.series.findFirst({ where: { slug, deletedAt: null } });
  }

  findVisibleByIds(ids: readonly string[]): Promise<Series[]> {
    return this.prisma.series.findMany({ where: { id: { in: [...ids] }, deletedAt: null } });
  }

  listVisible(): Promise<Series[]> {
    return this.prisma.series.findMany({ where: { deletedAt: null }, orderBy: { name: 'asc' } });
  }
}
