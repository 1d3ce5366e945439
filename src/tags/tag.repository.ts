import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import { ProjectionReader } from '../database/projection/projection-reader.js';
import { PublicTaxonomyRepository } from '../taxonomy/public-taxonomy.repository.js';
import { TAG_PROJECTION } from './tag.projection.js';

// Trashed tags (deleted_at set) are invisible to every public read.
@Injectable()
export class TagRepository extends PublicTaxonomyRepository {
  constructor(prisma: PrismaService, reader: ProjectionReader) {
    super(prisma, reader, TAG_PROJECTION);
  }

  protected countVisible(): Promise<number> {
    return this.prisma.tag.count({ where: { deletedAt: null } });
  }
}
