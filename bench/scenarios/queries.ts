// The GraphQL documents the scenarios send. Scenario A's text is also what the baseline server accepts,
// so both answer the very same request.

// What a front page shows of each article: a card.
const ARTICLE_CARD =
  'id headline slug dek teaser publishedAt authors { id name slug } tags { id name slug } section { id name slug } ' +
  'featuredImage { caption credit }';

export const LATEST_ARTICLES_COUNT = 20;

/** A: the 20 newest articles as cards. */
export const LATEST_ARTICLES_QUERY = `{ latestArticles(first: ${LATEST_ARTICLES_COUNT}) { ${ARTICLE_CARD} } }`;

/** B: an article page: full body, bylines, tags and the related-articles rail. */
export const ARTICLE_PAGE_QUERY =
  'query ArticlePage($slug: String!) { article(slug: $slug) { id headline slug dek bodyHtml publishedAt updatedAt ' +
  'authors { id name slug } tags { id name slug } section { id name slug } featuredImage { url caption credit } ' +
  'relatedArticles { id headline slug publishedAt } } }';

/** C: one page of a tag's archive, by cursor. */
export const TAG_PAGE_QUERY =
  'query TagPage($tag: String!, $after: String) { articles(filter: { tag: $tag }, first: 20, after: $after) { ' +
  `edges { cursor node { ${ARTICLE_CARD} } } pageInfo { hasNextPage endCursor } } }`;

/** D: search results, ranked by relevance (the default with a search). */
export const SEARCH_QUERY =
  'query Search($search: String!) { articles(filter: { search: $search }, first: 20) { ' +
  `edges { cursor node { ${ARTICLE_CARD} } } pageInfo { hasNextPage endCursor } } }`;

/** F: an editor's save, which returns the version to send with the next one. */
export const UPDATE_ARTICLE_MUTATION =
  'mutation Save($input: UpdateArticleInput!) { updateArticle(input: $input) { article { id version } } }';

export const LOGIN_MUTATION = 'mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }';

/** GET /graphql URL path, as a CDN-cached client sends it. */
export function graphqlGetPath(query: string, variables?: Record<string, unknown>): string {
  const params = new URLSearchParams({ query });
  if (variables) params.set('variables', JSON.stringify(variables));
  return `/graphql?${params.toString()}`;
}
