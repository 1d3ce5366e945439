import { Module } from '@nestjs/common';
import { SectionRepository } from './section.repository.js';
import { SectionQueryService } from './section-query.service.js';

@Module({
  providers: [SectionRepository, SectionQueryService],
  exports: [SectionRepository, SectionQueryService],
})
export class SectionsModule {}
