import type { NodeType } from '../common/global-id.js';

/** Every kind of content the public can see. */
export type ContentEntity = 'article' | 'author' | 'tag' | 'section' | 'series' | 'image';

/**
 * What happened, as the public sees it: something became visible (published: also a created tag, a
 * restored image), changed while visible (updated), stopped being visible but may return
 * (unpublished), or is gone (deleted: trashed or purged).
 */
export type ContentAction = 'published' | 'updated' | 'unpublished' | 'deleted';

export const CONTENT_ENTITIES = [
  'article',
  'author',
  'tag',
  'section',
  'series',
  'image',
] as const satisfies readonly ContentEntity[];
export const CONTENT_ACTIONS = ['published', 'updated', 'unpublished', 'deleted'] as const satisfies readonly ContentAction[];

/** "article.published", "tag.updated"... every event type there is. */
export type ContentEventType = `${ContentEntity}.${ContentAction}`;
export const CONTENT_EVENT_TYPES = CONTENT_ENTITIES.flatMap((entity) =>
  CONTENT_ACTIONS.map((action) => `${entity}.${action}` as ContentEventType),
);

export const NODE_TYPE_OF: Record<ContentEntity, NodeType> = {
  article: 'Article',
  author: 'Author',
  tag: 'Tag',
  section: 'Section',
  series: 'Series',
  image: 'Image',
};

/** One recorded change, as every subscriber receives it. */
export interface ContentChange {
  readonly type: ContentEventType;
  readonly entity: ContentEntity;
  readonly action: ContentAction;
  /** Database id. */
  readonly id: string;
  readonly occurredAt: Date;
  /** Slugs the entity had before the change and has now (a renamed tag's lists have both). */
  readonly slugs?: readonly string[];
  /** For updates: the fields that changed, by name. */
  readonly fields?: readonly string[];
}

/** What a service reports; the pipeline adds the type and time. */
export type ContentChangeInput = Omit<ContentChange, 'type' | 'occurredAt'>;

/** A content row about to change in a way that may move it out of lists (see DomainEvents.begin). */
export interface ContentRef {
  readonly entity: ContentEntity;
  readonly id: string;
}
