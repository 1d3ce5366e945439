import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { Section } from '../generated/prisma/client.js';

// Trashed sections (deleted_at set) are invisible to every public read.
@Injectable()
export class SectionRepository {
  constructor(private readonly prisma: PrismaService) {}

  findVisibleBySlug(slug: string): Promise<Section | null> {
    return this.prisma.section.findFirst({ where: { slug, deletedAt: null } });
  }

  findVisibleByIds(ids: readonly string[]): Promise<Section[]> {
    return this.prisma.section.findMany({ where: { id: { in: [...ids] }, deletedAt: null } });
  }

  listVisible(): Promise<Section[]> {
    return this.prisma.section.findMany({ where: { deletedAt: null }, orderBy: [{ position: 'asc' }, { name: 'asc' }] });
  }
}
