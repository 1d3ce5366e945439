import type { ProjectedRow } from '../database/projection/projection.js';
import { Selection } from '../database/projection/selection.js';
import { FULL_TEXT_FIELDS, PARTNER_FIELDS, type PublicArticleValues } from './public-article-fields.js';

// The public shape of an article, the one the public GraphQL API serves (article.projection.ts builds
// it in PostgreSQL). Feeds, the change feed, webhooks and newsletters read the same shape with one of
// the fixed selections below, so partners and readers see one article, with the same ids and values.

export interface PublicRef extends ProjectedRow {
  slug: string;
  name: string;
}

export interface PublicImage extends ProjectedRow {
  url: string;
  width: number | null;
  height: number | null;
  altText: string | null;
  caption: string | null;
  credit: string | null;
  contentType?: string | null;
}

/** The public Article as read: its plain fields (public-article-fields.ts) and its relations. */
export interface PublicArticle extends ProjectedRow, PublicArticleValues {
  authors: PublicRef[];
  tags: PublicRef[];
  section: PublicRef | null;
  series: PublicRef | null;
  featuredImage: PublicImage | null;
}

const REF = Selection.of(['slug', 'name']);
const IMAGE = Selection.of(['url', 'width', 'height', 'altText', 'caption', 'credit']);

/** What partners receive of an article (webhooks, the REST change feed): everything but the body. */
export const PARTNER_ARTICLE = Selection.of(PARTNER_FIELDS, {
  authors: REF,
  tags: REF,
  section: REF,
  series: REF,
  featuredImage: IMAGE,
});

/** The same with the body, as blocks and as sanitised HTML: for full-text partners and webhooks. */
export const FULL_TEXT_ARTICLE = PARTNER_ARTICLE.merge(Selection.of(FULL_TEXT_FIELDS));

export function partnerArticle(fullText: boolean): Selection {
  return fullText ? FULL_TEXT_ARTICLE : PARTNER_ARTICLE;
}
