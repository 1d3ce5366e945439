import { ArticleErrors } from '../article.exception.js';
import type { ArticleContent } from './article-content.js';

// What an article needs before it may go public (publish or schedule): a headline, a body and a
// byline. Drafts may lack any of them; a reader must never meet a story without them.
export function missingForPublication(content: Pick<ArticleContent, 'headline' | 'body' | 'authorIds'>): string[] {
  const missing: string[] = [];
  if (!content.headline.trim()) missing.push('headline');
  if (content.body.length === 0) missing.push('body');
  if (content.authorIds.length === 0) missing.push('authorIds');
  return missing;
}

/** BAD_USER_INPUT naming each missing field, when there is one. */
export function assertPublishable(content: Pick<ArticleContent, 'headline' | 'body' | 'authorIds'>): void {
  const missing = missingForPublication(content);
  if (missing.length === 0) return;
  throw ArticleErrors.notPublishable(
    missing.map((field) => ({ path: field, message: `is required to publish or schedule (${DESCRIPTIONS[field]})` })),
  );
}

const DESCRIPTIONS: Record<string, string> = {
  headline: 'a headline',
  body: 'at least one body block',
  authorIds: 'at least one byline',
};
