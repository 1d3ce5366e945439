import type { PublicArticle } from '../articles/public-article.js';
import type { AppConfig } from '../config/app-config.js';
import type { Feed, FeedImage, FeedItem } from './feed-item.js';

export interface FeedHeader {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

// A feed item is the public article (articles/public-article.ts) in feed terms: everything in it was
// derived when the article was written, so building a feed renders and sanitises nothing. The image is
// the featured image as feeds show it (a sized rendition, feed-image.mapper.ts).
export function toFeedItem(article: PublicArticle, fullText: boolean, image: FeedImage | null): FeedItem {
  const publishedAt = new Date(article.publishedAt);
  const updatedAt = new Date(article.updatedAt);
  return {
    guid: article.id,
    title: article.headline,
    url: article.url,
    publishedAt,
    // An update can never predate publication, whatever the row's history.
    updatedAt: updatedAt > publishedAt ? updatedAt : publishedAt,
    authors: article.authors.map((author) => author.name),
    categories: article.tags.map((tag) => ({ slug: tag.slug, name: tag.name })),
    summary: article.teaser,
    image,
    contentHtml: fullText ? (article.bodyHtml ?? null) : null,
    language: article.language,
  };
}

export function toFeed(
  site: AppConfig['site'],
  publication: AppConfig['publication'],
  header: FeedHeader,
  items: readonly FeedItem[],
): Feed {
  const newest = items.reduce<Date | null>((max, item) => (max && max >= item.updatedAt ? max : item.updatedAt), null);
  return { ...header, siteUrl: site.url, publisher: publication.name, language: publication.language, updatedAt: newest, items };
}
