import { DomainError } from '../../common/domain-error.js';
import type { Article } from '../../generated/prisma/client.js';
import type { ArticleEditorRepository } from './article-editor.repository.js';
import type { Tx } from '../../database/tx.js';

export function notFound(): DomainError {
  return new DomainError('NOT_FOUND', 'No such article');
}

/** An article that exists and is not in the trash. */
export async function findWorkable(articles: ArticleEditorRepository, tx: Tx, id: string): Promise<Article> {
  const article = await articles.findById(id, tx);
  if (!article) throw notFound();
  if (article.deletedAt) throw new DomainError('CONFLICT', 'The article is in the trash: restore it first');
  return article;
}

/** Takes the next version or fails with CONFLICT carrying the current one: never a silent overwrite. */
export async function claimVersion(
  articles: ArticleEditorRepository,
  tx: Tx,
  id: string,
  expectedVersion: number,
): Promise<void> {
  if (await articles.claimVersion(tx, id, expectedVersion)) return;
  const currentVersion = await articles.currentVersion(tx, id);
  throw new DomainError(
    'CONFLICT',
    `The article was changed by someone else: it is at version ${currentVersion}, not ${expectedVersion}`,
    {
      currentVersion,
    },
  );
}
