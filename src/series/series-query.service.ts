import { Injectable } from '@nestjs/common';
import type { ResponseKeys } from '../cache/response-keys.js';
import { SeriesModel } from './public/series.model.js';
import { SeriesRepository } from './series.repository.js';

@Injectable()
export class SeriesQueryService {
  constructor(private readonly repository: SeriesRepository) {}

  async findBySlug(slug: string, keys: ResponseKeys): Promise<SeriesModel | null> {
    const row = await this.repository.findVisibleBySlug(slug, keys);
    return row ? SeriesModel.fromRow(row) : null;
  }

  async list(keys: ResponseKeys): Promise<SeriesModel[]> {
    return (await this.repository.listVisible(keys)).map(SeriesModel.fromRow);
  }
}
