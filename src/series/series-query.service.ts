import { Injectable } from '@nestjs/common';
import { SeriesModel } from './public/series.model.js';
import { SeriesRepository } from './series.repository.js';

@Injectable()
export class SeriesQueryService {
  constructor(private readonly repository: SeriesRepository) {}

  async findBySlug(slug: string): Promise<SeriesModel | null> {
    const row = await this.repository.findVisibleBySlug(slug);
    return row ? SeriesModel.fromRow(row) : null;
  }

  async list(): Promise<SeriesModel[]> {
    return (await this.repository.listVisible()).map(SeriesModel.fromRow);
  }
}
