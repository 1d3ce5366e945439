import type { PartnerScope } from './partner-scope.js';

// An article is in a partner's scope when it is in one of its sections (if any are set) and carries
// one of its tags (if any are set): each list narrows, an empty list narrows nothing.
export function isInPartnerScope(scope: PartnerScope, article: { sectionId: string | null; tagIds: readonly string[] }): boolean {
  const sectionOk = scope.sectionIds.length === 0 || (article.sectionId !== null && scope.sectionIds.includes(article.sectionId));
  const tagOk = scope.tagIds.length === 0 || article.tagIds.some((id) => scope.tagIds.includes(id));
  return sectionOk && tagOk;
}
