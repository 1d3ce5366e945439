import type { ArticleBody } from '../articles/body/article-body.schema.js';
import { renderBodyHtml } from '../articles/body/article-body.renderer.js';
import { deriveTeaser } from '../articles/body/article-body.text.js';
import { toGlobalId } from '../common/global-id.js';
import { articleUrl } from '../common/site-urls.js';
import type { AppConfig } from '../config/app-config.js';
import type { PublicArticleRow } from '../articles/article.repository.js';
import type { Author, Image, Section, Tag } from '../generated/prisma/client.js';
import type { Feed, FeedImage, FeedItem } from './feed-item.js';

/** An article with the visible rows it links to, as loaded in batches by the feed service. */
export interface FeedArticle {
  readonly article: PublicArticleRow;
  readonly authors: readonly Author[];
  readonly tags: readonly Tag[];
  readonly section: Section | null;
  readonly image: Image | null;
}

export interface FeedHeader {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

export function toFeedItem(site: AppConfig['site'], entry: FeedArticle, fullText: boolean): FeedItem {
  const { article } = entry;
  const body = article.body as unknown as ArticleBody;
  const publishedAt = article.publishedAt ?? article.updatedAt;
  return {
    guid: toGlobalId('Article', article.id),
    title: article.headline,
    url: articleUrl(site, { slug: article.slug, sectionSlug: entry.section?.slug }),
    publishedAt,
    // An update can never predate publication, whatever the row's history.
    updatedAt: article.updatedAt > publishedAt ? article.updatedAt : publishedAt,
    authors: entry.authors.map((author) => author.name),
    categories: entry.tags.map((tag) => ({ slug: tag.slug, name: tag.name })),
    summary: article.teaser || deriveTeaser(body),
    image: entry.image ? toFeedImage(entry.image) : null,
    contentHtml: fullText ? renderBodyHtml(body) : null,
  };
}

function toFeedImage(image: Image): FeedImage {
  return {
    url: image.url,
    width: image.width,
    height: image.height,
    contentType: image.contentType,
    caption: image.caption,
    credit: image.credit,
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
