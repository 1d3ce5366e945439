// What an authenticated syndication partner may pull. Set on the request (`req.partner`) by the
// partner middleware for /feeds and /syndication routes when a key is presented.
// An article is in scope when it is in one of its sections (if any are set) and carries one of its
// tags (if any are set): each list narrows, an empty list narrows nothing. The article list query
// applies it in SQL (ArticleListFilter.sectionIds/tagIds), the one place it is decided.
export interface PartnerScope {
  readonly partnerId: string;
  readonly name: string;
  /** Database ids; empty means every section. */
  readonly sectionIds: readonly string[];
  /** Database ids; empty means every tag. */
  readonly tagIds: readonly string[];
  /** Whether feed items carry the full body, or only the teaser. */
  readonly fullText: boolean;
}

export interface RequestWithPartner {
  partner?: PartnerScope;
}
