import type { Tx } from '../database/tx.js';
import { Injectable } from '@nestjs/common';
import type { Author } from '../generated/prisma/client.js';
import { TaxonomyRepository, type TaxonomyDelegate } from '../taxonomy/taxonomy.repository.js';

@Injectable()
export class AuthorEditorRepository extends TaxonomyRepository<Author> {
  protected table(db: Tx): TaxonomyDelegate<Author> {
    return db.author as unknown as TaxonomyDelegate<Author>;
  }

  countArticleLinks(tx: Tx, id: string): Promise<number> {
    return tx.articleAuthor.count({ where: { authorId: id } });
  }

  /** A trashed image is on its way out, so it cannot become an avatar. */
  async imageExists(tx: Tx, id: string): Promise<boolean> {
    return (await tx.image.count({ where: { id, deletedAt: null } })) > 0;
  }
}
