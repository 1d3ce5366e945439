import { Module } from '@nestjs/common';
import { AuthorRepository } from './author.repository.js';
import { AuthorQueryService } from './author-query.service.js';

@Module({
  providers: [AuthorRepository, AuthorQueryService],
  exports: [AuthorRepository, AuthorQueryService],
})
export class AuthorsModule {}
