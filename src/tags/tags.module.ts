import { Module } from '@nestjs/common';
import { TagRepository } from './tag.repository.js';
import { TagQueryService } from './tag-query.service.js';

@Module({
  providers: [TagRepository, TagQueryService],
  exports: [TagRepository, TagQueryService],
})
export class TagsModule {}
