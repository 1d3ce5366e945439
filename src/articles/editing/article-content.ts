import { Field, ID, type ReturnTypeFuncValue } from '@nestjs/graphql';
import { z } from 'zod';
import { globalIdSchema, toGlobalId, type NodeType } from '../../common/global-id.js';
import { languageTag } from '../../config/language-tag.js';
import { slugSchema } from '../../common/slug.js';
import { ArticleType } from '../../generated/prisma/client.js';
import { JSONScalar } from '../../graphql-types/scalars/json.scalar.js';
import { articleBodySchema } from '../body/article-body.schema.js';

// Everything an editor can change about an article, written ONCE: what a revision snapshots, what
// pending changes on a live article hold, what a restore puts back, the admin API's input and output
// fields, the defaults of a new article and the columns a live article is stored in are all derived
// from this table. A field marked `publicAsIs` is also on the public Article, the change feed and
// webhooks (public-article-fields.ts). Adding a field is a line here and a column in schema.prisma (and
// its migration). Ids here are database uuids; the admin API speaks global ids, converted by `input`
// and `output`.

export interface FieldSpec<Input extends z.ZodType, Stored extends z.ZodType> {
  /** The admin API's value, validated and turned into the stored form (global ids -> uuids). */
  readonly input: Input;
  /** What a stored snapshot holds (revisions, pending changes), re-validated when read back. */
  readonly stored: Stored;
  /** A new article's value. */
  readonly initial: z.output<Stored>;
  /** GraphQL type of the admin input and output fields, and their description. */
  readonly graphql: () => ReturnTypeFuncValue;
  readonly description?: string;
  /** From the stored value to the admin API's (uuids -> global ids). */
  readonly output?: (value: z.output<Stored>) => unknown;
  /** Stored in a column of `articles` of the same name; false for the link tables (bylines, tags). */
  readonly column: boolean;
  /** The public sees it as stored, under the same name and description (see publicAsIs). */
  readonly public?: true;
}

// Keeps each spec's own types (its output function's result, its `column` literal).
function field<Input extends z.ZodType, Stored extends z.ZodType, Spec extends FieldSpec<Input, Stored>>(
  spec: Spec & FieldSpec<Input, Stored>,
): Spec {
  return spec;
}

// For a field the public reads exactly as the editor wrote it: the public Article field, its SQL and
// the partners' selection are derived from this table (public-article-fields.ts). Fields the public
// sees changed (a derived label, a default language) are written there instead.
function publicAsIs<Spec extends FieldSpec<z.ZodType, z.ZodType> & { readonly column: true }>(
  spec: Spec,
): Spec & { readonly public: true } {
  return { ...spec, public: true };
}

const optionalText = (max: number) => z.string().trim().max(max).nullable();
const storedText = z.string().nullable();

const httpUrl = z
  .string()
  .trim()
  .max(2048)
  .url()
  .refine((value) => /^https?:\/\//i.test(value), 'must be an http(s) URL');

function reference(type: NodeType, description?: string) {
  return field({
    input: globalIdSchema(type).nullable(),
    stored: z.string().uuid().nullable(),
    initial: null,
    graphql: () => ID,
    description,
    output: (id: string | null) => (id ? toGlobalId(type, id) : null),
    column: true,
  });
}

function references(type: 'Author' | 'Tag', max: number, description?: string) {
  return field({
    input: z
      .array(globalIdSchema(type))
      .max(max)
      .refine((ids) => new Set(ids).size === ids.length, 'must not repeat an id'),
    stored: z.array(z.string().uuid()),
    initial: [] as string[],
    graphql: () => [ID],
    description,
    output: (ids: string[]) => ids.map((id) => toGlobalId(type, id)),
    column: false,
  });
}

function text(max: number, description?: string, input: z.ZodType<string | null | undefined> = optionalText(max)) {
  return field({ input, stored: storedText, initial: null, graphql: () => String, description, column: true });
}

// One line of display text: a tab, line break or other control character is a paste accident there.
function line(max: number, description?: string) {
  const input = optionalText(max).refine(
    (value) => value === null || !/\p{Cc}/u.test(value),
    'must be one line without control characters',
  );
  return text(max, description, input);
}

export const ARTICLE_FIELDS = {
  slug: field({
    input: slugSchema,
    stored: z.string(),
    initial: '',
    graphql: () => String,
    description: 'Generated from the headline when not given',
    column: true,
  }),
  headline: publicAsIs(
    field({
      input: z.string().trim().min(1, 'must not be empty').max(300),
      stored: z.string(),
      initial: '',
      graphql: () => String,
      column: true,
    }),
  ),
  dek: publicAsIs(text(600, 'Standfirst under the headline')),
  dateline: publicAsIs(
    line(60, 'Where the story was reported from ("BAMAKO, Mali"), shown before the body; as the editor wrote it'),
  ),
  label: text(100, 'Kicker such as "Exclusive"; when empty the public label is the type and section ("Analysis | Africa")'),
  body: field({
    input: articleBodySchema,
    stored: articleBodySchema,
    initial: [],
    graphql: () => JSONScalar,
    description: 'A list of blocks, e.g. [{ "type": "paragraph", "text": "…" }]',
    column: true,
  }),
  teaser: text(1000, 'Editor-written teaser; the public API derives one when empty'),
  type: publicAsIs(
    field({
      input: z.enum(ArticleType),
      stored: z.enum(ArticleType),
      initial: 'NEWS' as ArticleType,
      graphql: () => ArticleType,
      column: true,
    }),
  ),
  sectionId: reference('Section'),
  seriesId: reference('Series'),
  featuredImageId: reference('Image'),
  authorIds: references('Author', 20, 'Bylines in order'),
  tagIds: references('Tag', 50),
  seoTitle: publicAsIs(text(300)),
  seoDescription: publicAsIs(text(1000)),
  canonicalUrl: publicAsIs(
    field({
      input: httpUrl.nullable(),
      stored: storedText,
      initial: null,
      graphql: () => String,
      description: 'Canonical URL when the piece first ran elsewhere',
      column: true,
    }),
  ),
  language: field({
    input: languageTag.nullable(),
    stored: storedText,
    initial: null,
    graphql: () => String,
    description: "BCP 47 language tag (en, pt-BR), stored canonical; null means the publication's (PUBLICATION_LANGUAGE)",
    column: true,
  }),
};

type Fields = typeof ARTICLE_FIELDS;
export type ContentField = keyof Fields;

export const CONTENT_FIELDS = Object.keys(ARTICLE_FIELDS) as ContentField[];
type ColumnField = { [F in ContentField]: Fields[F]['column'] extends true ? F : never }[ContentField];
/** The fields stored in columns of `articles` of the same name (the others are link tables). */
export const COLUMN_FIELDS = CONTENT_FIELDS.filter((name): name is ColumnField => ARTICLE_FIELDS[name].column);
export type PublicContentField = { [F in ContentField]: Fields[F] extends { public: true } ? F : never }[ContentField];
/** The fields the public reads as stored (marked publicAsIs). */
export const PUBLIC_CONTENT_FIELDS = CONTENT_FIELDS.filter(
  (name): name is PublicContentField => (ARTICLE_FIELDS[name] as { public?: true }).public === true,
);

function shapeOf<K extends 'input' | 'stored'>(key: K) {
  return Object.fromEntries(CONTENT_FIELDS.map((name) => [name, ARTICLE_FIELDS[name][key]])) as {
    [F in ContentField]: Fields[F][K];
  };
}

// Input shapes as the admin API receives them (global ids, GraphQL nulls); every field optional here,
// create and update decide which are required.
export const contentChangesSchema = z.object(shapeOf('input')).partial();

export type ContentChanges = z.output<typeof contentChangesSchema>;

/**
 * Stored snapshots (revisions, pending changes) are re-validated when read back. A field added after a
 * snapshot was written reads as its initial value.
 */
export const storedContentSchema = z.object(
  Object.fromEntries(
    CONTENT_FIELDS.map((name) => {
      const spec = ARTICLE_FIELDS[name] as FieldSpec<z.ZodType, z.ZodType>;
      return [name, spec.stored.default(() => structuredClone(spec.initial))];
    }),
  ) as unknown as ReturnType<typeof shapeOf<'stored'>>,
);

export type ArticleContent = z.output<typeof storedContentSchema>;

/** A new article's content, before the editor's first changes. */
export function initialContent(): ArticleContent {
  const entries = CONTENT_FIELDS.map((name) => [name, structuredClone(ARTICLE_FIELDS[name].initial)]);
  return Object.fromEntries(entries) as unknown as ArticleContent;
}

type AdminValue<F extends ContentField> = Fields[F] extends { output: (value: never) => infer Out } ? Out : ArticleContent[F];
/** Content as the admin API shows it: global ids for every reference. */
export type AdminContent = { [F in ContentField]: AdminValue<F> };

export function contentForAdmin(content: ArticleContent): AdminContent {
  return Object.fromEntries(
    CONTENT_FIELDS.map((name) => {
      const spec = ARTICLE_FIELDS[name] as { output?: (value: unknown) => unknown };
      const output = spec.output;
      return [name, output ? output(content[name]) : content[name]];
    }),
  ) as AdminContent;
}

/**
 * Declares the content fields on a code-first GraphQL class: as optional inputs (`nullable` input
 * types) or as outputs (nullable as the stored value is). `except` leaves fields a class declares itself.
 */
export function declareContentFields(target: object, mode: 'input' | 'output', except: readonly ContentField[] = []): void {
  for (const name of CONTENT_FIELDS) {
    if (except.includes(name)) continue;
    const spec: Pick<FieldSpec<z.ZodType, z.ZodType>, 'stored' | 'graphql' | 'description'> = ARTICLE_FIELDS[name];
    const nullable = mode === 'input' || spec.stored.safeParse(null).success;
    Field(spec.graphql, { nullable, description: spec.description })(target, name);
  }
}

export function applyChanges(content: ArticleContent, changes: ContentChanges): ArticleContent {
  const next = { ...content };
  for (const name of CONTENT_FIELDS) {
    if (changes[name] !== undefined) (next as Record<string, unknown>)[name] = changes[name];
  }
  return next;
}

/** Field-by-field differences between two contents (for revision comparison). */
export function diffContent(before: ArticleContent, after: ArticleContent): { field: string; before: unknown; after: unknown }[] {
  return CONTENT_FIELDS.filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name])).map((name) => ({
    field: name,
    before: before[name],
    after: after[name],
  }));
}
