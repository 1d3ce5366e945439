import type { AppConfig } from '../config/app-config.js';
import { toGlobalId, type NodeType } from '../common/global-id.js';
import { articleUrl } from '../common/site-urls.js';
import { deriveTeaser } from '../articles/body/article-body.text.js';
import type { ArticleBody } from '../articles/body/article-body.schema.js';
import type { ContentEvent } from '../events/content-events.service.js';
import type { ArticleForPayload } from './webhook.repository.js';

type Ref = { id: string; slug: string; name: string; deletedAt: Date | null };

export interface WebhookPayload {
  /** The delivery id: receivers use it as an idempotency key. */
  id: string;
  event: string;
  occurredAt: string;
  data: { article: Record<string, unknown> };
}

// The article as the public API shows it (global ids, absolute URL, live fields only), so a receiver
// can act without calling back. Only for an article that is live right now.
export function publicArticleJson(site: AppConfig['site'], row: ArticleForPayload): Record<string, unknown> {
  const section = live(row.section);
  const body = row.body as unknown as ArticleBody;
  return {
    id: toGlobalId('Article', row.id),
    slug: row.slug,
    url: articleUrl(site, { slug: row.slug, sectionSlug: section?.slug }),
    headline: row.headline,
    dek: row.dek,
    teaser: row.teaser || deriveTeaser(body),
    type: row.type,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.publicUpdatedAt.toISOString(),
    readingTimeMinutes: row.readingTimeMinutes,
    section: section ? ref('Section', section) : null,
    authors: row.authors.flatMap(({ author }) => (live(author) ? [ref('Author', author)] : [])),
    tags: row.tags.flatMap(({ tag }) => (live(tag) ? [ref('Tag', tag)] : [])),
    body,
  };
}

/**
 * Unpublished and deleted articles are no longer public, and their row may already hold unreleased
 * edits (or be gone): such events name only the article.
 */
export function webhookPayload(deliveryId: string, event: ContentEvent, article: Record<string, unknown> | null): WebhookPayload {
  return {
    id: deliveryId,
    event: event.type,
    occurredAt: event.occurredAt.toISOString(),
    data: { article: article ?? { id: toGlobalId('Article', event.entityId) } },
  };
}

function live<T extends Ref>(value: T | null): T | null {
  return value && !value.deletedAt ? value : null;
}

function ref(type: NodeType, value: Ref) {
  return { id: toGlobalId(type, value.id), slug: value.slug, name: value.name };
}
