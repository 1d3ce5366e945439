import { Injectable } from '@nestjs/common';
import { SectionModel } from './public/section.model.js';
import { SectionRepository } from './section.repository.js';

@Injectable()
export class SectionQueryService {
  constructor(private readonly repository: SectionRepository) {}

  async findBySlug(slug: string): Promise<SectionModel | null> {
    const row = await this.repository.findVisibleBySlug(slug);
    return row ? SectionModel.fromRow(row) : null;
  }

  async list(): Promise<SectionModel[]> {
    return (await this.repository.listVisible()).map(SectionModel.fromRow);
  }
}
