import { Injectable } from '@nestjs/common';
import { ProjectionReader } from '../database/projection/projection-reader.js';
import { ReadRouter } from '../database/replicas/read-router.js';
import type { Tx } from '../database/tx.js';
import { Prisma } from '../generated/prisma/client.js';
import { PublicTaxonomyRepository } from '../taxonomy/public-taxonomy.repository.js';
import { SECTION_PROJECTION } from './section.projection.js';

// Trashed sections (deleted_at set) are invisible to every public read.
@Injectable()
export class SectionRepository extends PublicTaxonomyRepository {
  constructor(router: ReadRouter, reader: ProjectionReader) {
    super(router, reader, SECTION_PROJECTION);
  }

  protected override readonly displayOrder = Prisma.sql`t.position ASC, t.name ASC, t.id ASC`;

  protected countVisible(db: Tx): Promise<number> {
    return db.section.count({ where: { deletedAt: null } });
  }
}
