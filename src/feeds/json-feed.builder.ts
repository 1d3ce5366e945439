import type { Feed, FeedItem } from './feed-item.js';

// JSON Feed 1.1 (https://jsonfeed.org/version/1.1). JSON.stringify does all escaping; the image's
// caption and credit have no standard field, so they ride in an underscore extension as the spec allows.
export function buildJsonFeed(feed: Feed): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.siteUrl,
    description: feed.description,
    language: feed.language,
    authors: [{ name: feed.publisher }],
    items: feed.items.map(toJsonItem),
  });
}

function toJsonItem(item: FeedItem): Record<string, unknown> {
  return {
    id: item.guid,
    url: item.url,
    title: item.title,
    // One of content_html / content_text is required: the teaser stands in when the body may not be shown.
    ...(item.contentHtml === null ? { content_text: item.summary ?? '' } : { content_html: item.contentHtml }),
    ...(item.summary ? { summary: item.summary } : {}),
    date_published: item.publishedAt.toISOString(),
    date_modified: item.updatedAt.toISOString(),
    authors: item.authors.map((name) => ({ name })),
    language: item.language,
    tags: item.categories.map((category) => category.name),
    ...(item.image
      ? {
          image: item.image.url,
          _newsdesk: { image_caption: item.image.caption, image_credit: item.image.credit },
        }
      : {}),
  };
}
