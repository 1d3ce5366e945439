import { Injectable } from '@nestjs/common';
import type { ResponseKeys } from '../cache/response-keys.js';
import { buildConnection } from '../graphql/pagination/build-connection.js';
import type { PageRequest } from '../graphql/pagination/connection.args.js';
import type { Connection } from '../graphql/pagination/connection.model.js';
import { nameCursor } from '../graphql/pagination/name-keyset.js';
import { AuthorModel } from './public/author.model.js';
import { AuthorRepository } from './author.repository.js';

@Injectable()
export class AuthorQueryService {
  constructor(private readonly authors: AuthorRepository) {}

  async findBySlug(slug: string, keys: ResponseKeys): Promise<AuthorModel | null> {
    const row = await this.authors.findVisibleBySlug(slug, keys);
    return row ? AuthorModel.fromRow(row) : null;
  }

  async list(page: PageRequest, keys: ResponseKeys): Promise<Connection<AuthorModel>> {
    const rows = (await this.authors.listVisible(page, keys)).map(AuthorModel.fromRow);
    return buildConnection(rows, page, nameCursor, () => this.authors.countVisible(keys));
  }
}
