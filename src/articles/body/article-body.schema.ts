import { z } from 'zod';
import { fromGlobalId } from '../../common/global-id.js';

export const ARTICLE_BODY_LIMITS = {
  blocks: 2000,
  textLength: 20_000,
  inlineNodes: 1000,
  listItems: 200,
  urlLength: 2048,
  captionLength: 1000,
  altLength: 1000,
  creditLength: 300,
  attributionLength: 300,
  providerLength: 50,
  embedHtmlLength: 20_000,
  imageDimension: 50_000,
} as const;

export const INLINE_MARKS = ['em', 'strong', 'code', 'sub', 'sup', 'strike'] as const;

// The body is stored as Postgres jsonb, which rejects NUL and unpaired surrogates; catching them
// here gives the editor a field path instead of an opaque driver error at insert time.
const UNPAIRED_SURROGATE = /\p{Cs}/u;

function isStorable(value: string): boolean {
  return !value.includes('\u0000') && !UNPAIRED_SURROGATE.test(value);
}

function storableString(max: number) {
  return z
    .string()
    .max(max, { error: `Must be at most ${max} characters` })
    .refine(isStorable, { error: 'Contains a NUL character or an unpaired surrogate, which cannot be stored' });
}

// Browsers silently drop tabs and newlines inside URLs and read "\" as "/", so "/\tevil.example"
// or "/\evil.example" would become a protocol-relative link to another host. Requiring URLs to
// arrive percent-encoded closes that gap and means the scheme check below sees what browsers see.
const UNSAFE_URL_CHARACTERS = /[\s\\\p{Cc}]/u;

type UrlKind = 'http' | 'https' | 'mailto' | 'sitePath';

function hasHost(value: string): boolean {
  try {
    return new URL(value).hostname !== '';
  } catch {
    return false;
  }
}

const URL_KIND_TESTS: Record<UrlKind, (value: string) => boolean> = {
  http: (value) => /^http:\/\//i.test(value) && hasHost(value),
  https: (value) => /^https:\/\//i.test(value) && hasHost(value),
  mailto: (value) => /^mailto:./i.test(value),
  // "//host/path" is protocol-relative, i.e. off-site, so it is not a site path.
  sitePath: (value) => value.startsWith('/') && !value.startsWith('//'),
};

function urlString(kinds: readonly UrlKind[], expectation: string) {
  return z
    .string()
    .max(ARTICLE_BODY_LIMITS.urlLength, { error: `Must be at most ${ARTICLE_BODY_LIMITS.urlLength} characters` })
    .refine((value) => !UNSAFE_URL_CHARACTERS.test(value), {
      error: 'URLs must not contain whitespace, control characters or backslashes; percent-encode them',
      abort: true,
    })
    .refine((value) => kinds.some((kind) => URL_KIND_TESTS[kind](value)), { error: `Must be ${expectation}` });
}

function unknownKeysError(name: string, allowed: readonly string[]) {
  return (issue: z.core.$ZodRawIssue) => {
    if (issue.code !== 'unrecognized_keys') return undefined;
    const keys = issue.keys.map((key) => `"${key}"`).join(', ');
    return `Unknown field(s) ${keys} on ${name}; allowed: ${allowed.join(', ')}`;
  };
}

function strictShape<Shape extends z.ZodRawShape>(name: string, shape: Shape) {
  return z.strictObject(shape, { error: unknownKeysError(name, Object.keys(shape)) });
}

const textField = () => storableString(ARTICLE_BODY_LIMITS.textLength);
const captionField = () => storableString(ARTICLE_BODY_LIMITS.captionLength).optional().describe('Caption shown under the media');

export const inlineNodeSchema = strictShape('inline node', {
  text: textField().describe('Text of this run; stored verbatim and escaped when rendered'),
  marks: z.array(z.enum(INLINE_MARKS)).max(INLINE_MARKS.length).optional().describe('Formatting applied to the whole run'),
  href: urlString(['http', 'https', 'mailto', 'sitePath'], 'an http(s) or mailto: URL, or a site path starting with /')
    .optional()
    .describe('Turns the run into a link'),
}).describe('A run of text sharing the same formatting and link');

const inlineRun = () =>
  z
    .array(inlineNodeSchema)
    .max(ARTICLE_BODY_LIMITS.inlineNodes, { error: `At most ${ARTICLE_BODY_LIMITS.inlineNodes} inline nodes` });

const textOrChildren = {
  text: textField().optional().describe('Plain text content; use this or children'),
  children: inlineRun().optional().describe('Formatted content as inline nodes; use this or text'),
};

// Having both would leave the renderer guessing which one the editor meant.
function requireTextXorChildren(block: { text?: unknown; children?: unknown }, ctx: z.RefinementCtx): void {
  const hasText = block.text !== undefined;
  const hasChildren = block.children !== undefined;
  if (hasText && hasChildren) {
    ctx.addIssue({ code: 'custom', path: ['children'], message: 'Provide either text or children, not both' });
  } else if (!hasText && !hasChildren) {
    ctx.addIssue({ code: 'custom', path: [], message: 'Provide either text or children' });
  }
}

const paragraphBlockSchema = strictShape('paragraph block', {
  type: z.literal('paragraph'),
  ...textOrChildren,
})
  .superRefine(requireTextXorChildren)
  .describe('A paragraph of body copy');

const headingBlockSchema = strictShape('heading block', {
  type: z.literal('heading'),
  // h1 belongs to the headline, so body headings start at 2.
  level: z
    .literal([2, 3, 4], { error: 'Heading level must be 2, 3 or 4' })
    .default(2)
    .describe('Heading level, rendered as h2-h4'),
  ...textOrChildren,
})
  .superRefine(requireTextXorChildren)
  .describe('A section heading');

const quoteBlockSchema = strictShape('quote block', {
  type: z.literal('quote'),
  ...textOrChildren,
  attribution: storableString(ARTICLE_BODY_LIMITS.attributionLength).optional().describe('Who is being quoted'),
})
  .superRefine(requireTextXorChildren)
  .describe('A block quotation');

const listItemSchema = z
  .union([textField(), inlineRun()], { error: 'A list item must be a string or an array of inline nodes' })
  .describe('Plain text or inline nodes');

const listBlockSchema = strictShape('list block', {
  type: z.literal('list'),
  style: z.enum(['bulleted', 'numbered']).default('bulleted').describe('Bulleted (ul) or numbered (ol)'),
  items: z
    .array(listItemSchema)
    .min(1, { error: 'A list needs at least one item' })
    .max(ARTICLE_BODY_LIMITS.listItems, { error: `At most ${ARTICLE_BODY_LIMITS.listItems} list items` })
    .describe('List items in order'),
}).describe('A bulleted or numbered list');

const dimension = () =>
  z
    .int({ error: 'Must be a whole number of pixels' })
    .positive({ error: 'Must be positive' })
    .max(ARTICLE_BODY_LIMITS.imageDimension, { error: `Must be at most ${ARTICLE_BODY_LIMITS.imageDimension}` });

// Two forms. By reference (what editors insert from the media library): imageId is the public Image id
// an upload returns; file, size, caption, credit and alt text come from the image when the body is
// rendered, and the block may only override caption and alt for this article. The legacy form links an
// image from elsewhere by url, with its texts and size written in the block; it is still accepted, but
// gets no renditions, no metadata stripping and no usage tracking (a raw uuid imageId may go with it,
// as bodies written before references did).
const REFERENCE_ONLY_FIELDS = ['url', 'credit', 'width', 'height'] as const;

function isImageGlobalId(value: string): boolean {
  return fromGlobalId(value)?.type === 'Image';
}

const imageBlockSchema = strictShape('image block', {
  type: z.literal('image'),
  imageId: z
    .string()
    .max(200)
    .refine((value) => isImageGlobalId(value) || z.uuid().safeParse(value).success, {
      error: 'Must be the id of a media library image',
    })
    .optional()
    .describe('Public id of the media library image (the id an upload returns)'),
  url: urlString(['http', 'https', 'sitePath'], 'an http(s) URL or a site path starting with /')
    .optional()
    .describe('Legacy form only: source of an image linked from elsewhere'),
  alt: storableString(ARTICLE_BODY_LIMITS.altLength)
    .optional()
    .describe("Alternative text; with imageId, overrides the image's alt text in this article"),
  caption: captionField().describe("Caption; with imageId, overrides the image's caption in this article"),
  credit: storableString(ARTICLE_BODY_LIMITS.creditLength).optional().describe('Legacy form only: photographer or agency credit'),
  width: dimension().optional().describe('Legacy form only: intrinsic width in pixels'),
  height: dimension().optional().describe('Legacy form only: intrinsic height in pixels'),
})
  .superRefine((block, ctx) => {
    if (block.imageId === undefined && block.url === undefined) {
      ctx.addIssue({ code: 'custom', path: ['imageId'], message: 'Give imageId (a media library image) or url' });
    }
    if (block.imageId === undefined || !isImageGlobalId(block.imageId)) return;
    for (const field of REFERENCE_ONLY_FIELDS) {
      if (block[field] === undefined) continue;
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `comes from the media library image; a block with imageId may only override caption and alt`,
      });
    }
  })
  .describe('An image: a media library image by reference, or (legacy) one linked by url');

const embedBlockSchema = strictShape('embed block', {
  type: z.literal('embed'),
  url: urlString(['https'], 'an https URL').describe('Canonical URL of the embedded content; also the fallback link'),
  provider: z
    .string()
    .max(ARTICLE_BODY_LIMITS.providerLength, {
      error: `Must be at most ${ARTICLE_BODY_LIMITS.providerLength} characters`,
    })
    .regex(/^[a-z0-9][a-z0-9._-]*$/i, { error: 'Must be a short identifier such as youtube, x or datawrapper' })
    .optional()
    .describe('Embed provider, e.g. youtube, x, instagram, datawrapper'),
  caption: captionField(),
  html: storableString(ARTICLE_BODY_LIMITS.embedHtmlLength)
    .optional()
    .describe('Provider embed code; sanitised when saved (embed-policy.ts: allowed iframe hosts, sandbox, no scripts)'),
}).describe('Third-party embed');

const BLOCK_SCHEMAS = [
  paragraphBlockSchema,
  headingBlockSchema,
  quoteBlockSchema,
  listBlockSchema,
  imageBlockSchema,
  embedBlockSchema,
] as const;

export const BLOCK_TYPES = BLOCK_SCHEMAS.map((schema) => schema.shape.type.value);

function unknownBlockTypeError(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code !== 'invalid_union') return undefined;
  const type = (issue.input as { type?: unknown } | undefined)?.type;
  const expected = BLOCK_TYPES.join(', ');
  return type === undefined
    ? `Block is missing "type"; expected one of: ${expected}`
    : `Unknown block type ${JSON.stringify(type)}; expected one of: ${expected}`;
}

export const bodyBlockSchema = z
  .discriminatedUnion('type', BLOCK_SCHEMAS, { error: unknownBlockTypeError })
  .describe('One block of article body content');

export const articleBodySchema = z
  .array(bodyBlockSchema, { error: 'Article body must be an array of blocks' })
  .max(ARTICLE_BODY_LIMITS.blocks, { error: `Article body must have at most ${ARTICLE_BODY_LIMITS.blocks} blocks` })
  .describe('Structured article body, in reading order');

export type ArticleBody = z.output<typeof articleBodySchema>;
/** What clients may send: defaulted fields (heading level, list style) are optional. */
export type ArticleBodyInput = z.input<typeof articleBodySchema>;
export type BodyBlock = z.output<typeof bodyBlockSchema>;
export type InlineNode = z.output<typeof inlineNodeSchema>;
export type InlineMark = (typeof INLINE_MARKS)[number];
export type BodyBlockType = BodyBlock['type'];
