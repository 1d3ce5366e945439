import { Module } from '@nestjs/common';
import { SeriesRepository } from './series.repository.js';
import { SeriesQueryService } from './series-query.service.js';

@Module({
  providers: [SeriesRepository, SeriesQueryService],
  exports: [SeriesRepository, SeriesQueryService],
})
export class SeriesModule {}
