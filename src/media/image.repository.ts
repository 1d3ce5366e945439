import { Inject, Injectable } from '@nestjs/common';
import type { ResponseKeys } from '../common/response-keys.js';
import { PrismaService } from '../database/prisma.service.js';
import { ProjectionReader } from '../database/projection/projection-reader.js';
import type { EntityProjection, ProjectedRow } from '../database/projection/projection.js';
import type { Selection } from '../database/projection/selection.js';
import type { Tx } from '../database/tx.js';
import type { Image } from '../generated/prisma/client.js';
import { IMAGE_PROJECTION } from './image.projection.js';

// Images as the public sees them: never a trashed one.
@Injectable()
export class ImageRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly reader: ProjectionReader,
    @Inject(IMAGE_PROJECTION) private readonly projection: EntityProjection,
  ) {}

  /** Public Image objects (featured images, node(id), payloads) in the shape `selection` asks for. */
  findVisibleByIds(ids: readonly string[], selection: Selection, keys: ResponseKeys, db?: Tx): Promise<ProjectedRow[]> {
    // By id: one plan for any ids, so prepared (database/prepared-statements.ts).
    return this.reader.prepared.byIds(this.projection, selection, ids, keys, undefined, db);
  }

  /** Whole rows of visible images, for rendering body figures when an article is written. */
  findVisibleRows(ids: readonly string[], db: Tx = this.prisma): Promise<Image[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.image.findMany({ where: { id: { in: [...ids] }, deletedAt: null } });
  }

  /** An uploaded image that /media may serve: not trashed, with a stored file. */
  findServableById(id: string): Promise<Image | null> {
    return this.prisma.image.findFirst({ where: { id, deletedAt: null, storageKey: { not: null } } });
  }

  findServableByStorageKey(storageKey: string): Promise<Image | null> {
    return this.prisma.image.findFirst({ where: { storageKey, deletedAt: null } });
  }
}
