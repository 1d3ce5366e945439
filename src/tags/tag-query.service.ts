import { Injectable } from '@nestjs/common';
import { PublicTaxonomyQueryService } from '../taxonomy/public-taxonomy-query.service.js';
import { TagRepository } from './tag.repository.js';

@Injectable()
export class TagQueryService extends PublicTaxonomyQueryService {
  constructor(repository: TagRepository) {
    super(repository);
  }
}
