import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import { ProjectionReader } from '../database/projection/projection-reader.js';
import { PublicTaxonomyRepository } from '../taxonomy/public-taxonomy.repository.js';
import { SERIES_PROJECTION } from './series.projection.js';

// Trashed series (deleted_at set) are invisible to every public read.
@Injectable()
export class SeriesRepository extends PublicTaxonomyRepository {
  constructor(prisma: PrismaService, reader: ProjectionReader) {
    super(prisma, reader, SERIES_PROJECTION);
  }

  protected countVisible(): Promise<number> {
    return this.prisma.series.count({ where: { deletedAt: null } });
  }
}
