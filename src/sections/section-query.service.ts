import { Injectable } from '@nestjs/common';
import type { ResponseKeys } from '../cache/response-keys.js';
import { SectionModel } from './public/section.model.js';
import { SectionRepository } from './section.repository.js';

@Injectable()
export class SectionQueryService {
  constructor(private readonly repository: SectionRepository) {}

  async findBySlug(slug: string, keys: ResponseKeys): Promise<SectionModel | null> {
    const row = await this.repository.findVisibleBySlug(slug, keys);
    return row ? SectionModel.fromRow(row) : null;
  }

  async list(keys: ResponseKeys): Promise<SectionModel[]> {
    return (await this.repository.listVisible(keys)).map(SectionModel.fromRow);
  }
}
