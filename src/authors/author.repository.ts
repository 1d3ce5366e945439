import { Inject, Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import { ProjectionReader } from '../database/projection/projection-reader.js';
import type { EntityProjection } from '../database/projection/projection.js';
import { PublicTaxonomyRepository } from '../taxonomy/public-taxonomy.repository.js';
import { AUTHOR_PROJECTION } from './author.projection.js';

// Trashed authors (deleted_at set) are invisible to every public read.
@Injectable()
export class AuthorRepository extends PublicTaxonomyRepository {
  constructor(prisma: PrismaService, reader: ProjectionReader, @Inject(AUTHOR_PROJECTION) projection: EntityProjection) {
    super(prisma, reader, projection);
  }

  protected countVisible(): Promise<number> {
    return this.prisma.author.count({ where: { deletedAt: null } });
  }
}
