// The names of the content keys a public response is tagged with and a change purges. The same
// strings go out as the Surrogate-Key header, so a CDN purges by them too.
//
// Entity keys name one row by id (stable across renames): a response showing the row carries it.
// List keys name a set of articles by the filter that chose it: a response listing articles of a tag
// carries `articles:tag:<slug>`, so publishing an article with that tag purges it, even though the
// article was not in the cached page.

export type EntityKind = 'article' | 'author' | 'tag' | 'section' | 'series' | 'image';

/** Filters of public article lists; the value is the slug the API filters by. */
export type ListScope = 'tag' | 'section' | 'series' | 'author';

export const CacheKeys = {
  entity: (kind: EntityKind, id: string) => `${kind}:${id}`,
  /** Every list of articles that no scope narrows (latest, the home page, all feeds' site list). */
  allArticles: 'articles',
  articlesOf: (scope: ListScope, slug: string) => `articles:${scope}:${slug}`,
  /** Search results: any article change can re-rank them. */
  searchResults: 'articles:search',
  /** Related-article lists: a change to any article can enter one through a shared tag. */
  relatedArticles: 'articles:related',
  /**
   * Responses that looked up entities of a kind by something other than id (a slug that matched
   * nothing, a list of tags): creating or restoring one of that kind can change them.
   */
  lookupsOf: (kind: EntityKind) => `${kind}:lookups`,
  /** Responses that show an article's authors, tags...: restoring one of them makes it reappear. */
  linksOf: (kind: EntityKind) => `${kind}:links`,
  sitemaps: 'sitemaps',
} as const;
