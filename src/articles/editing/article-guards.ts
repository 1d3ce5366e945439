import { ArticleErrors } from '../article.exception.js';
import type { Article } from '../../generated/prisma/client.js';
import type { ArticleEditorRepository } from './article-editor.repository.js';
import type { Tx } from '../../database/tx.js';

/** An article that exists and is not in the trash. */
export async function findWorkable(articles: ArticleEditorRepository, tx: Tx, id: string): Promise<Article> {
  const article = await articles.findById(id, tx);
  if (!article) throw ArticleErrors.notFound();
  if (article.deletedAt) throw ArticleErrors.inTrash();
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
  throw ArticleErrors.versionConflict(currentVersion, expectedVersion);
}
