import { Injectable } from '@nestjs/common';
import type { ResponseKeys } from '../cache/response-keys.js';
import { PrismaService } from '../database/prisma.service.js';
import type { Section } from '../generated/prisma/client.js';

// Trashed sections (deleted_at set) are invisible to every public read.
@Injectable()
export class SectionRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findVisibleBySlug(slug: string, keys: ResponseKeys): Promise<Section | null> {
    return keys.lookup('section', await this.prisma.section.findFirst({ where: { slug, deletedAt: null } }));
  }

  async findVisibleByIds(ids: readonly string[], keys: ResponseKeys): Promise<Section[]> {
    return keys.requested(
      'section',
      ids,
      await this.prisma.section.findMany({ where: { id: { in: [...ids] }, deletedAt: null } }),
    );
  }

  async listVisible(keys: ResponseKeys): Promise<Section[]> {
    return keys.listing(
      'section',
      await this.prisma.section.findMany({ where: { deletedAt: null }, orderBy: [{ position: 'asc' }, { name: 'asc' }] }),
    );
  }
}
