import { Injectable } from '@nestjs/common';
import { ProjectionReader } from '../database/projection/projection-reader.js';
import { ReadRouter } from '../database/replicas/read-router.js';
import type { Tx } from '../database/tx.js';
import { PublicTaxonomyRepository } from '../taxonomy/public-taxonomy.repository.js';
import { TAG_PROJECTION } from './tag.projection.js';

// Trashed tags (deleted_at set) are invisible to every public read.
@Injectable()
export class TagRepository extends PublicTaxonomyRepository {
  constructor(router: ReadRouter, reader: ProjectionReader) {
    super(router, reader, TAG_PROJECTION);
  }

  protected countVisible(db: Tx): Promise<number> {
    return db.tag.count({ where: { deletedAt: null } });
  }
}
