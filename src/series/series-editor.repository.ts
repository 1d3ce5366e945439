import type { Tx } from '../database/tx.js';
import { Injectable } from '@nestjs/common';
import type { Series } from '../generated/prisma/client.js';
import { TaxonomyRepository, type TaxonomyDelegate } from '../taxonomy/taxonomy.repository.js';

@Injectable()
export class SeriesEditorRepository extends TaxonomyRepository<Series> {
  protected table(db: Tx): TaxonomyDelegate<Series> {
    return db.series as unknown as TaxonomyDelegate<Series>;
  }

  /** Articles keep existing when their series goes: series_id is set to null. */
  countArticleLinks(tx: Tx, id: string): Promise<number> {
    return tx.article.count({ where: { seriesId: id } });
  }
}
