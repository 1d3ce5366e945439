import { Injectable } from '@nestjs/common';
import { tagListing, tagLookup, tagRequested } from '../cache/response-keys.js';
import { PrismaService } from '../database/prisma.service.js';
import type { Section } from '../generated/prisma/client.js';

// Trashed sections (deleted_at set) are invisible to every public read.
@Injectable()
export class SectionRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findVisibleBySlug(slug: string): Promise<Section | null> {
    return tagLookup('section', await this.prisma.section.findFirst({ where: { slug, deletedAt: null } }));
  }

  async findVisibleByIds(ids: readonly string[]): Promise<Section[]> {
    return tagRequested('section', ids, await this.prisma.section.findMany({ where: { id: { in: [...ids] }, deletedAt: null } }));
  }

  async listVisible(): Promise<Section[]> {
    return tagListing(
      'section',
      await this.prisma.section.findMany({ where: { deletedAt: null }, orderBy: [{ position: 'asc' }, { name: 'asc' }] }),
    );
  }
}
