import { Module } from '@nestjs/common';
import { IMAGE_PROJECTION } from '../media/image.projection.js';
import { MediaModule } from '../media/media.module.js';
import { AUTHOR_PROJECTION, authorProjection } from './author.projection.js';
import { AuthorRepository } from './author.repository.js';
import { AuthorQueryService } from './author-query.service.js';

@Module({
  imports: [MediaModule],
  providers: [
    AuthorRepository,
    AuthorQueryService,
    { provide: AUTHOR_PROJECTION, inject: [IMAGE_PROJECTION], useFactory: authorProjection },
  ],
  exports: [AuthorRepository, AuthorQueryService, AUTHOR_PROJECTION],
})
export class AuthorsModule {}
