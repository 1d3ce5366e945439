import { Injectable } from '@nestjs/common';
import { ProjectionReader } from '../database/projection/projection-reader.js';
import { ReadRouter } from '../database/replicas/read-router.js';
import type { Tx } from '../database/tx.js';
import { PublicTaxonomyRepository } from '../taxonomy/public-taxonomy.repository.js';
import { SERIES_PROJECTION } from './series.projection.js';

// Trashed series (deleted_at set) are invisible to every public read.
@Injectable()
export class SeriesRepository extends PublicTaxonomyRepository {
  constructor(router: ReadRouter, reader: ProjectionReader) {
    super(router, reader, SERIES_PROJECTION);
  }

  protected countVisible(db: Tx): Promise<number> {
    return db.series.count({ where: { deletedAt: null } });
  }
}
