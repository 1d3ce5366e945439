import { Injectable } from '@nestjs/common';
import type { ResponseKeys } from '../common/response-keys.js';
import type { ProjectedRow } from '../database/projection/projection.js';
import type { Selection } from '../database/projection/selection.js';
import { PublicTaxonomyQueryService } from '../taxonomy/public-taxonomy-query.service.js';
import { SeriesRepository } from './series.repository.js';

@Injectable()
export class SeriesQueryService extends PublicTaxonomyQueryService {
  constructor(repository: SeriesRepository) {
    super(repository);
  }

  /** Every visible one, in display order. */
  listAll(selection: Selection, keys: ResponseKeys): Promise<ProjectedRow[]> {
    return this.repository.listAll(selection, keys);
  }
}
