import { Int, type ReturnTypeFuncValue } from '@nestjs/graphql';
import { z } from 'zod';
import type { AppConfig } from '../config/app-config.js';
import { column, timeColumn, type ColumnSql } from '../database/projection/projection.js';
import { Prisma } from '../generated/prisma/client.js';
import { JSONScalar } from '../graphql-types/scalars/json.scalar.js';
import { articleBodySchema } from './body/article-body.schema.js';
import { ARTICLE_FIELDS, PUBLIC_CONTENT_FIELDS, type FieldSpec, type PublicContentField } from './editing/article-content.js';

// The public Article's plain fields, written once: the GraphQL type (public/article.model.ts), the SQL
// that reads each (article.projection.ts), the PublicArticle type and the partners' selection
// (public-article.ts) are all derived from this table. Fields the public reads as the editor wrote
// them come from the content table (`publicAsIs` in editing/article-content.ts); the ones below are
// read differently: derived when the article was written, defaulted, or described for readers.
// Relations (bylines, tags, section...) are declared on the model and the projection themselves.

export type PublicFieldConfig = Pick<AppConfig, 'site' | 'publication'>;

export interface PublicFieldSpec<Value extends z.ZodType = z.ZodType> {
  /** The value's type, never parsed: its TypeScript type, and nullable in GraphQL when it admits null. */
  readonly value: Value;
  readonly graphql: () => ReturnTypeFuncValue;
  readonly description?: string;
  /** How PostgreSQL reads it from a row of `articles`. */
  readonly sql: (config: PublicFieldConfig) => ColumnSql;
  /** Only for readers of the full text (full-text partners and feeds), not in the partner selection. */
  readonly fullTextOnly?: true;
}

// Keeps each spec's own types (its value schema, its `fullTextOnly` literal).
function publicField<Spec extends PublicFieldSpec>(spec: Spec): Spec {
  return spec;
}

// The absolute URL on the publisher's site, as common/site-urls.ts articleUrl() builds it: the pattern's
// {slug} and {section} filled in (slugs are URL-safe by construction), "news" without a visible section.
function urlSql(site: AppConfig['site']): ColumnSql {
  const pattern = site.articleUrlPattern.startsWith('/') ? site.articleUrlPattern : `/${site.articleUrlPattern}`;
  const parts = pattern.split(/(\{slug\}|\{section\})/).filter((part) => part !== '');
  return (alias) => {
    const a = Prisma.raw(alias);
    const pieces = parts.map((part) => {
      if (part === '{slug}') return Prisma.sql`${a}.slug`;
      if (part === '{section}') {
        return Prisma.sql`coalesce((SELECT s.slug FROM sections s WHERE s.id = ${a}.section_id AND s.deleted_at IS NULL), 'news')`;
      }
      return Prisma.sql`${part}::text`;
    });
    return Prisma.sql`concat(${site.url}::text, ${Prisma.join(pieces, ', ')})`;
  };
}

const isoTime = z.string();

const READ_DIFFERENTLY = {
  slug: publicField({
    value: z.string(),
    graphql: () => String,
    description: 'Current URL slug; old slugs still resolve through article(slug:)',
    sql: () => column('slug'),
  }),
  label: publicField({
    value: z.string(),
    graphql: () => String,
    description: 'Kicker such as "Analysis | Africa"',
    sql: () => column('display_label'),
  }),
  teaser: publicField({
    value: z.string().nullable(),
    graphql: () => String,
    description: "The editor's teaser, else the start of the body",
    sql: () => column('display_teaser'),
  }),
  url: publicField({
    value: z.string(),
    graphql: () => String,
    description: 'Absolute URL on the public site',
    sql: ({ site }) => urlSql(site),
  }),
  body: publicField({
    value: articleBodySchema,
    graphql: () => JSONScalar,
    description: 'Structured body blocks (paragraph, heading, quote, list, image, embed)',
    sql: () => column('body'),
    fullTextOnly: true,
  }),
  bodyHtml: publicField({
    value: z.string(),
    graphql: () => String,
    description: 'The body as sanitised HTML; figures carry srcset, sizes, width and height',
    sql: () => (alias) => Prisma.sql`coalesce(${Prisma.raw(alias)}.body_html, '')`,
    fullTextOnly: true,
  }),
  publishedAt: publicField({ value: isoTime, graphql: () => Date, sql: () => timeColumn('published_at') }),
  // When the public version last changed, not the row: unpublished edits move only updated_at.
  updatedAt: publicField({ value: isoTime, graphql: () => Date, sql: () => timeColumn('public_updated_at') }),
  wordCount: publicField({ value: z.number().int(), graphql: () => Int, sql: () => column('word_count') }),
  readingTimeMinutes: publicField({ value: z.number().int(), graphql: () => Int, sql: () => column('reading_time_minutes') }),
  language: publicField({
    value: z.string(),
    graphql: () => String,
    description: "BCP 47 language tag (en, pt-BR): the article's, else the publication's",
    // The article's own language, else the publication's.
    sql:
      ({ publication }) =>
      (alias) =>
        Prisma.sql`coalesce(${Prisma.raw(alias)}.language, ${publication.language}::text)`,
  }),
};

type ContentSpecs = typeof ARTICLE_FIELDS;
type AsStored = { [F in PublicContentField]: PublicFieldSpec<ContentSpecs[F]['stored']> };

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

// A publicAsIs content field: its stored value, from the column of the same name (schema.prisma maps
// camelCase fields to snake_case columns), with the admin API's GraphQL type and description.
function asStored(name: PublicContentField): PublicFieldSpec {
  const {
    stored,
    graphql,
    description,
  }: Pick<FieldSpec<z.ZodType, z.ZodType>, 'stored' | 'graphql' | 'description'> = ARTICLE_FIELDS[name];
  return { value: stored, graphql, description, sql: () => column(snakeCase(name)) };
}

const AS_STORED = Object.fromEntries(PUBLIC_CONTENT_FIELDS.map((name) => [name, asStored(name)])) as AsStored;

export const PUBLIC_ARTICLE_FIELDS = { ...AS_STORED, ...READ_DIFFERENTLY };

type PublicFields = typeof PUBLIC_ARTICLE_FIELDS;
export type PublicArticleField = keyof PublicFields;
type FullTextField = {
  [F in PublicArticleField]: PublicFields[F] extends { fullTextOnly: true } ? F : never;
}[PublicArticleField];

/** The plain fields' values as PostgreSQL sends them; the full-text ones only with a full-text selection. */
export type PublicArticleValues = { [F in Exclude<PublicArticleField, FullTextField>]: z.output<PublicFields[F]['value']> } & {
  [F in FullTextField]?: z.output<PublicFields[F]['value']>;
};

const ALL_FIELDS = Object.keys(PUBLIC_ARTICLE_FIELDS) as PublicArticleField[];
const isFullText = (name: PublicArticleField) => (PUBLIC_ARTICLE_FIELDS[name] as PublicFieldSpec).fullTextOnly === true;

/** The plain fields partners receive (everything but the body). */
export const PARTNER_FIELDS = ALL_FIELDS.filter((name) => !isFullText(name));
/** The body, as blocks and as sanitised HTML. */
export const FULL_TEXT_FIELDS = ALL_FIELDS.filter(isFullText);

/** Field name -> SQL, for the projection. */
export function publicArticleColumns(config: PublicFieldConfig): Record<PublicArticleField, ColumnSql> {
  return Object.fromEntries(ALL_FIELDS.map((name) => [name, PUBLIC_ARTICLE_FIELDS[name].sql(config)])) as Record<
    PublicArticleField,
    ColumnSql
  >;
}
