import type { Tx } from '../database/tx.js';
import { Injectable } from '@nestjs/common';
import type { Tag } from '../generated/prisma/client.js';
import { TaxonomyRepository, type TaxonomyDelegate } from '../taxonomy/taxonomy.repository.js';

@Injectable()
export class TagEditorRepository extends TaxonomyRepository<Tag> {
  protected table(db: Tx): TaxonomyDelegate<Tag> {
    return db.tag as unknown as TaxonomyDelegate<Tag>;
  }

  countArticleLinks(tx: Tx, id: string): Promise<number> {
    return tx.articleTag.count({ where: { tagId: id } });
  }
}
