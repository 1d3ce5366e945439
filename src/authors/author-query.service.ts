import { Injectable } from '@nestjs/common';
import { PublicTaxonomyQueryService } from '../taxonomy/public-taxonomy-query.service.js';
import { AuthorRepository } from './author.repository.js';

@Injectable()
export class AuthorQueryService extends PublicTaxonomyQueryService {
  constructor(repository: AuthorRepository) {
    super(repository);
  }
}
