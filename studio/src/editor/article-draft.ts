import type { LibraryImage } from '../api/images';
import type { ArticleBody } from '../body/body-mapping';

// The editor's working copy of an article and what a save sends: only the fields that changed since
// the version it was based on, so two editors changing different fields never overwrite each other.

export interface Named {
  id: string;
  name: string;
}

// The optional plain-text fields, in the order the conflict panel lists them: '' in the draft, null
// through the API. Adding one is a line here, its input and the Studio's fragment (api/operations.ts).
const OPTIONAL_TEXTS = {
  dek: 'Dek',
  dateline: 'Dateline',
  label: 'Label',
  teaser: 'Teaser',
  seoTitle: 'SEO title',
  seoDescription: 'SEO description',
  canonicalUrl: 'Canonical URL',
} as const;

type OptionalText = keyof typeof OPTIONAL_TEXTS;
const OPTIONAL_TEXT_FIELDS = Object.keys(OPTIONAL_TEXTS) as OptionalText[];

export interface ServerArticle extends Record<OptionalText, string | null> {
  id: string;
  version: number;
  status: 'DRAFT' | 'SCHEDULED' | 'PUBLISHED' | 'ARCHIVED';
  trashed: boolean;
  hasPendingChanges: boolean;
  slug: string;
  previousSlugs: string[];
  headline: string;
  body: ArticleBody;
  type: string;
  sectionId: string | null;
  seriesId: string | null;
  featuredImageId: string | null;
  authorIds: string[];
  tagIds: string[];
  publishedAt: string | null;
  scheduledAt: string | null;
  createdById: string | null;
  updatedAt: string;
  authors: Named[];
  tags: Named[];
  featuredImage: LibraryImage | null;
}

export interface Draft extends Record<OptionalText, string> {
  headline: string;
  slug: string;
  type: string;
  sectionId: string;
  seriesId: string;
  authors: Named[];
  tags: Named[];
  featuredImage: LibraryImage | null;
  body: ArticleBody;
}

export type Field = keyof Draft;

export const FIELD_LABELS: Record<Field, string> = {
  headline: 'Headline',
  ...OPTIONAL_TEXTS,
  slug: 'Slug',
  type: 'Type',
  sectionId: 'Section',
  seriesId: 'Series',
  authors: 'Bylines',
  tags: 'Tags',
  featuredImage: 'Featured image',
  body: 'Body',
};

export const FIELDS = Object.keys(FIELD_LABELS) as Field[];

const texts = (value: (field: OptionalText) => string) =>
  Object.fromEntries(OPTIONAL_TEXT_FIELDS.map((field) => [field, value(field)])) as Record<OptionalText, string>;

export const EMPTY_DRAFT: Draft = {
  ...texts(() => ''),
  headline: '',
  slug: '',
  type: 'NEWS',
  sectionId: '',
  seriesId: '',
  authors: [],
  tags: [],
  featuredImage: null,
  body: [],
};

export function draftOf(article: ServerArticle): Draft {
  return {
    ...texts((field) => article[field] ?? ''),
    headline: article.headline,
    slug: article.slug,
    type: article.type,
    sectionId: article.sectionId ?? '',
    seriesId: article.seriesId ?? '',
    authors: article.authors.map(({ id, name }) => ({ id, name })),
    tags: article.tags.map(({ id, name }) => ({ id, name })),
    featuredImage: article.featuredImage,
    body: article.body,
  };
}

// PostgreSQL's jsonb reorders object keys, so a body read back is compared key order aside.
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, v]) => `${JSON.stringify(key)}:${stableStringify(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function comparable(draft: Draft, field: Field): string {
  const value = draft[field];
  if (field === 'authors' || field === 'tags') return JSON.stringify((value as Named[]).map((item) => item.id));
  if (field === 'featuredImage') return (value as LibraryImage | null)?.id ?? '';
  return stableStringify(value);
}

export function sameField(a: Draft, b: Draft, field: Field): boolean {
  return comparable(a, field) === comparable(b, field);
}

export function changedFields(base: Draft, draft: Draft): Field[] {
  return FIELDS.filter((field) => !sameField(base, draft, field));
}

const blank = (value: string) => (value.trim() === '' ? null : value);

/** The API input for these fields of the draft (create and update share it). */
export function inputFor(draft: Draft, fields: Field[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of fields) {
    if (field === 'authors') input.authorIds = draft.authors.map((author) => author.id);
    else if (field === 'tags') input.tagIds = draft.tags.map((tag) => tag.id);
    else if (field === 'featuredImage') input.featuredImageId = draft.featuredImage?.id ?? null;
    else if (field === 'sectionId' || field === 'seriesId') input[field] = draft[field] || null;
    else if (field === 'body') input.body = draft.body;
    else if (field === 'headline' || field === 'type') input[field] = draft[field];
    // An emptied slug is regenerated from the headline by the API only on create; on update, keep it.
    else if (field === 'slug') {
      if (draft.slug.trim()) input.slug = draft.slug.trim();
    } else input[field] = blank(draft[field]);
  }
  return input;
}

/** Field by field: mine where chosen, theirs elsewhere. */
export function mergeDrafts(mine: Draft, theirs: Draft, keepMine: ReadonlySet<Field>): Draft {
  const merged = { ...theirs } as Record<Field, unknown>;
  for (const field of keepMine) merged[field] = mine[field];
  return merged as unknown as Draft;
}

/** Slug suggestion from a headline, like the API's (lower-case ASCII words joined by hyphens). */
export function slugify(headline: string): string {
  return headline
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 96);
}
