import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import { ProjectionReader } from '../database/projection/projection-reader.js';
import { Prisma } from '../generated/prisma/client.js';
import { PublicTaxonomyRepository } from '../taxonomy/public-taxonomy.repository.js';
import { SECTION_PROJECTION } from './section.projection.js';

// Trashed sections (deleted_at set) are invisible to every public read.
@Injectable()
export class SectionRepository extends PublicTaxonomyRepository {
  constructor(prisma: PrismaService, reader: ProjectionReader) {
    super(prisma, reader, SECTION_PROJECTION);
  }

  protected override readonly displayOrder = Prisma.sql`t.position ASC, t.name ASC, t.id ASC`;

  protected countVisible(): Promise<number> {
    return this.prisma.section.count({ where: { deletedAt: null } });
  }
}
