import sanitizeHtml from 'sanitize-html';

import type { ArticleBody, BodyBlock, InlineMark, InlineNode } from './article-body.schema.js';
import {
  EMBED_ATTRIBUTES,
  EMBED_TAGS,
  embedSanitizeOptions,
  linkRel,
  sanitizeEmbedHtml,
  type EmbedSettings,
} from './embed-policy.js';
import { imageBlockRef } from './article-body.images.js';

/** A media library image as a body figure shows it (built by articles/body/body-images.service.ts). */
export interface RenderableImage {
  readonly src: string;
  /** "url 320w, url 640w"; null for an image without renditions. */
  readonly srcset: string | null;
  readonly width: number | null;
  readonly height: number | null;
  readonly alt: string | null;
  readonly caption: string | null;
  readonly credit: string | null;
}

export interface RenderBodyOptions {
  /** Which hosts embeds may frame (embed-policy.ts). */
  readonly embeds: EmbedSettings;
  /** The images the body refers to, by uuid (referencedImageIds); a missing one renders nothing. */
  readonly images?: ReadonlyMap<string, RenderableImage>;
  /** The sizes attribute of figures with a srcset. */
  readonly sizes?: string;
}

// Per rendering: the first figure loads at once (it is likely above the fold), later ones lazily.
interface RenderState {
  readonly options: RenderBodyOptions;
  figures: number;
}

const DEFAULT_SIZES = '100vw';
type Block<T extends BodyBlock['type']> = Extract<BodyBlock, { type: T }>;
type Attributes = Record<string, string | number | undefined>;

// Mirrors sanitize-html's own escaping (text: & < >; attributes additionally ") so that the
// defence-in-depth pass leaves already-safe output byte-for-byte unchanged. Attributes are always
// double-quoted, which is why a single quote needs no escaping.
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escapeText(value: string): string {
  return value.replace(/[&<>]/g, (char) => HTML_ESCAPES[char]);
}

function escapeAttribute(value: string): string {
  return value.replace(/[&<>"]/g, (char) => HTML_ESCAPES[char]);
}

function renderAttributes(attributes: Attributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join('');
}

function element(tag: string, attributes: Attributes, innerHtml: string): string {
  return `<${tag}${renderAttributes(attributes)}>${innerHtml}</${tag}>`;
}

function hasText(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

// Outermost first; a fixed order keeps output stable however the editor listed the marks.
const MARK_NESTING: readonly [InlineMark, string][] = [
  ['strong', 'strong'],
  ['em', 'em'],
  ['strike', 's'],
  ['code', 'code'],
  ['sub', 'sub'],
  ['sup', 'sup'],
];

function renderInlineNode(node: InlineNode): string {
  if (node.text === '') return '';
  const marks = new Set(node.marks ?? []);
  const marked = MARK_NESTING.reduceRight(
    (html, [mark, tag]) => (marks.has(mark) ? element(tag, {}, html) : html),
    escapeText(node.text),
  );
  return node.href === undefined ? marked : element('a', { href: node.href, rel: linkRel(node.href) }, marked);
}

function renderInline(nodes: readonly InlineNode[]): string {
  return nodes.map(renderInlineNode).join('');
}

function renderContent(block: { text?: string; children?: InlineNode[] }): string {
  return block.children === undefined ? escapeText(block.text ?? '') : renderInline(block.children);
}

const BLOCK_TAGS = ['h2', 'h3', 'h4', 'ul', 'ol', 'li', 'cite', 'figure', 'figcaption', 'img', 'span'];

// A superset of the embed policy, since sanitised embed markup is part of the rendered body.
const bodyOptionsBySettings = new WeakMap<EmbedSettings, sanitizeHtml.IOptions>();

function bodySanitizeOptions(settings: EmbedSettings): sanitizeHtml.IOptions {
  let options = bodyOptionsBySettings.get(settings);
  if (!options) {
    const embed = embedSanitizeOptions(settings);
    options = {
      ...embed,
      allowedTags: [...EMBED_TAGS, ...BLOCK_TAGS, ...MARK_NESTING.map(([, tag]) => tag)],
      allowedAttributes: {
        ...EMBED_ATTRIBUTES,
        img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading'],
        figure: ['class', 'data-provider'],
        span: ['class'],
      },
      allowedClasses: { figure: ['embed'], span: ['credit'] },
      allowedSchemesByTag: { iframe: ['https'], img: ['https', 'http'] },
    };
    bodyOptionsBySettings.set(settings, options);
  }
  return options;
}
function renderParagraph(block: Block<'paragraph'>): string {
  return element('p', {}, renderContent(block));
}

function renderHeading(block: Block<'heading'>): string {
  // Bodies stored before defaults were applied may lack a level.
  return element(`h${block.level ?? 2}`, {}, renderContent(block));
}

function renderQuote(block: Block<'quote'>): string {
  const cite = hasText(block.attribution) ? element('cite', {}, escapeText(block.attribution)) : '';
  return element('blockquote', {}, element('p', {}, renderContent(block)) + cite);
}

function renderListItem(item: string | InlineNode[]): string {
  return element('li', {}, typeof item === 'string' ? escapeText(item) : renderInline(item));
}

function renderList(block: Block<'list'>): string {
  return element(block.style === 'numbered' ? 'ol' : 'ul', {}, block.items.map(renderListItem).join(''));
}

function renderFigcaption(caption: string | undefined, credit: string | undefined): string {
  const parts = [
    hasText(caption) ? escapeText(caption) : '',
    hasText(credit) ? element('span', { class: 'credit' }, escapeText(credit)) : '',
  ].filter((part) => part !== '');
  return parts.length === 0 ? '' : element('figcaption', {}, parts.join(' '));
}

function renderImage(block: Block<'image'>, state: RenderState): string {
  const ref = imageBlockRef(block);
  const image = ref ? state.options.images?.get(ref) : undefined;
  // A reference whose image is gone (trashed, purged) shows nothing, unless a legacy copy has a URL.
  if (ref && !image && block.url === undefined) return '';
  const shown = image ? fromLibrary(block, image) : fromBlock(block);
  const lazy = state.figures > 0;
  state.figures += 1;
  // An empty alt marks the image as decorative rather than leaving screen readers to read the URL.
  const attributes = {
    src: shown.src,
    srcset: shown.srcset ?? undefined,
    sizes: shown.srcset ? (state.options.sizes ?? DEFAULT_SIZES) : undefined,
    alt: shown.alt ?? '',
    width: shown.width ?? undefined,
    height: shown.height ?? undefined,
    loading: lazy ? 'lazy' : undefined,
  };
  // sanitize-html writes void elements as "<img ... />"; matching it keeps the final pass a no-op.
  const img = `<img${renderAttributes(attributes)} />`;
  return element('figure', {}, img + renderFigcaption(shown.caption ?? undefined, shown.credit ?? undefined));
}

// The library's file, size, texts and credit; the block may override caption and alt for this article.
function fromLibrary(block: Block<'image'>, image: RenderableImage): RenderableImage {
  return { ...image, alt: block.alt ?? image.alt, caption: block.caption ?? image.caption };
}

// The legacy form: an image linked from elsewhere, everything written in the block.
function fromBlock(block: Block<'image'>): RenderableImage {
  return {
    src: block.url ?? '',
    srcset: null,
    width: block.width ?? null,
    height: block.height ?? null,
    alt: block.alt ?? null,
    caption: block.caption ?? null,
    credit: block.credit ?? null,
  };
}

function renderEmbed(block: Block<'embed'>, state: RenderState): string {
  // Sanitised when saved already; again here, so an embed can never break out of its figure.
  const embedded = sanitizeEmbedHtml(block.html ?? '', state.options.embeds);
  const content = embedded !== '' ? embedded : element('a', { href: block.url, rel: linkRel(block.url) }, escapeText(block.url));
  const attributes = { class: 'embed', 'data-provider': block.provider };
  return element('figure', attributes, content + renderFigcaption(block.caption, undefined));
}

// Keyed by block type so the compiler insists on a renderer for every type in the schema.
const BLOCK_RENDERERS: { [T in BodyBlock['type']]: (block: Block<T>, state: RenderState) => string } = {
  paragraph: renderParagraph,
  heading: renderHeading,
  quote: renderQuote,
  list: renderList,
  image: renderImage,
  embed: renderEmbed,
};

function renderBlock(block: BodyBlock, state: RenderState): string {
  // Bodies are validated on write, but one stored by a newer or older schema must not take the
  // whole article page down, so an unknown block type renders as nothing.
  const render = Object.hasOwn(BLOCK_RENDERERS, block.type)
    ? (BLOCK_RENDERERS[block.type] as (block: BodyBlock, state: RenderState) => string)
    : undefined;
  return render === undefined ? '' : render(block, state);
}

/**
 * The defence-in-depth pass applied to rendered bodies: an explicit allowlist of exactly what the
 * renderer (and sanitised embeds) can produce. Safe markup comes back unchanged.
 */
export function sanitizeBodyHtml(html: string, settings: EmbedSettings): string {
  return sanitizeHtml(html, bodySanitizeOptions(settings));
}

/**
 * The body as sanitised HTML: a pure function of the body, the images it refers to and the embed
 * policy, so it is computed when an article (or an image it shows) is saved, never on a read.
 */
export function renderBodyHtml(body: ArticleBody, options: RenderBodyOptions): string {
  const state: RenderState = { options, figures: 0 };
  const blocks = body.map((block) => renderBlock(block, state)).filter((html) => html !== '');
  return sanitizeBodyHtml(blocks.join('\n'), options.embeds);
}
