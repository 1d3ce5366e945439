import { Injectable } from '@nestjs/common';
import type { ResponseKeys } from '../common/response-keys.js';
import { ProjectionReader } from '../database/projection/projection-reader.js';
import type { ProjectedRow } from '../database/projection/projection.js';
import type { Selection } from '../database/projection/selection.js';
import type { Tx } from '../database/tx.js';
import { IMAGE_PROJECTION } from './image.projection.js';

// Public reads of images: trashed ones are invisible.
@Injectable()
export class ImageRepository {
  constructor(private readonly reader: ProjectionReader) {}

  findVisibleByIds(ids: readonly string[], selection: Selection, keys: ResponseKeys, db?: Tx): Promise<ProjectedRow[]> {
    return this.reader.byIds(IMAGE_PROJECTION, selection, ids, keys, undefined, db);
  }
}
