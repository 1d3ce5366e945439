import { Injectable } from '@nestjs/common';
import type { ResponseKeys } from '../cache/response-keys.js';
import { buildConnection } from '../graphql/pagination/build-connection.js';
import type { PageRequest } from '../graphql/pagination/connection.args.js';
import type { Connection } from '../graphql/pagination/connection.model.js';
import { nameCursor } from '../graphql/pagination/name-keyset.js';
import { TagModel } from './public/tag.model.js';
import { TagRepository } from './tag.repository.js';

@Injectable()
export class TagQueryService {
  constructor(private readonly tags: TagRepository) {}

  async findBySlug(slug: string, keys: ResponseKeys): Promise<TagModel | null> {
    const row = await this.tags.findVisibleBySlug(slug, keys);
    return row ? TagModel.fromRow(row) : null;
  }

  async list(page: PageRequest, keys: ResponseKeys): Promise<Connection<TagModel>> {
    const rows = (await this.tags.listVisible(page, keys)).map(TagModel.fromRow);
    return buildConnection(rows, page, nameCursor, () => this.tags.countVisible(keys));
  }
}
