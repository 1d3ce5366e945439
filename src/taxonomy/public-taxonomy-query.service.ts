import { buildConnection } from '../common/pagination/build-connection.js';
import type { Connection } from '../common/pagination/connection.js';
import type { PageRequest } from '../common/pagination/page-request.js';
import type { ResponseKeys } from '../common/response-keys.js';
import type { ProjectedRow } from '../database/projection/projection.js';
import type { Selection } from '../database/projection/selection.js';
import type { Tx } from '../database/tx.js';
import type { PublicTaxonomyRepository } from './public-taxonomy.repository.js';

// The public door to authors, tags, sections and series; each feature's query service extends it.
export abstract class PublicTaxonomyQueryService {
  protected constructor(protected readonly repository: PublicTaxonomyRepository) {}

  findBySlug(slug: string, selection: Selection, keys: ResponseKeys): Promise<ProjectedRow | null> {
    return this.repository.findVisibleBySlug(slug, selection, keys);
  }

  findByIds(ids: readonly string[], selection: Selection, keys: ResponseKeys, db?: Tx): Promise<ProjectedRow[]> {
    return this.repository.findVisibleByIds(ids, selection, keys, db);
  }

  async listByName(page: PageRequest, selection: Selection, keys: ResponseKeys): Promise<Connection<ProjectedRow>> {
    const result = await this.repository.listByName(page, selection, keys);
    return buildConnection(
      result.rows,
      page,
      (row) => row.cursor,
      result.count,
      (row) => row.node,
    );
  }
}
