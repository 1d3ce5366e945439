import { DomainError } from '../common/domain-error.js';

// The closed set of errors of feeds and sitemaps: a URL that names nothing is NOT_FOUND, never bad input.
export const FeedErrors = {
  noSuchFeed: () => new DomainError('NOT_FOUND', 'No such feed'),
  subjectNotFound: (noun: string, slug: string) => new DomainError('NOT_FOUND', `No ${noun} with slug "${slug}"`),
  noSuchSitemap: () => new DomainError('NOT_FOUND', 'No such sitemap'),
  sitemapPageNotFound: (number: number) => new DomainError('NOT_FOUND', `No sitemap page ${number}`),
};
