import type { Tx } from '../database/tx.js';
import { Injectable } from '@nestjs/common';
import type { Section } from '../generated/prisma/client.js';
import { TaxonomyRepository, type TaxonomyDelegate } from '../taxonomy/taxonomy.repository.js';

@Injectable()
export class SectionEditorRepository extends TaxonomyRepository<Section> {
  protected table(db: Tx): TaxonomyDelegate<Section> {
    return db.section as unknown as TaxonomyDelegate<Section>;
  }

  /** Articles keep existing when their section goes: section_id is set to null. */
  countArticleLinks(tx: Tx, id: string): Promise<number> {
    return tx.article.count({ where: { sectionId: id } });
  }
}
