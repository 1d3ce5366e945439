import { Inject, Injectable } from '@nestjs/common';
import { ProjectionReader } from '../database/projection/projection-reader.js';
import type { EntityProjection } from '../database/projection/projection.js';
import { ReadRouter } from '../database/replicas/read-router.js';
import type { Tx } from '../database/tx.js';
import { PublicTaxonomyRepository } from '../taxonomy/public-taxonomy.repository.js';
import { AUTHOR_PROJECTION } from './author.projection.js';

// Trashed authors (deleted_at set) are invisible to every public read.
@Injectable()
export class AuthorRepository extends PublicTaxonomyRepository {
  constructor(router: ReadRouter, reader: ProjectionReader, @Inject(AUTHOR_PROJECTION) projection: EntityProjection) {
    super(router, reader, projection);
  }

  protected countVisible(db: Tx): Promise<number> {
    return db.author.count({ where: { deletedAt: null } });
  }
}
