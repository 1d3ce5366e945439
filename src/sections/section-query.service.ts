import { Injectable } from '@nestjs/common';
import type { ResponseKeys } from '../common/response-keys.js';
import type { ProjectedRow } from '../database/projection/projection.js';
import type { Selection } from '../database/projection/selection.js';
import { PublicTaxonomyQueryService } from '../taxonomy/public-taxonomy-query.service.js';
import { SectionRepository } from './section.repository.js';

@Injectable()
export class SectionQueryService extends PublicTaxonomyQueryService {
  constructor(repository: SectionRepository) {
    super(repository);
  }

  /** Every visible one, in display order. */
  listAll(selection: Selection, keys: ResponseKeys): Promise<ProjectedRow[]> {
    return this.repository.listAll(selection, keys);
  }
}
