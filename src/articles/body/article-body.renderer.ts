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
        img: ['src', 'alt', 'width', 'height', 'loading'],
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

function renderImage(block: Block<'image'>): string {
  // An empty alt marks the image as decorative rather than leaving screen readers to read the URL.
  const attributes = {
    src: block.url,
    alt: block.alt ?? '',
    width: block.width,
    height: block.height,
    loading: 'lazy',
  };
  // sanitize-html writes void elements as "<img ... />"; matching it keeps the final pass a no-op.
  const image = `<img${renderAttributes(attributes)} />`;
  return element('figure', {}, image + renderFigcaption(block.caption, block.credit));
}

function renderEmbed(block: Block<'embed'>, settings: EmbedSettings): string {
  // Sanitised when saved already; again here, so an embed can never break out of its figure.
  const embedded = sanitizeEmbedHtml(block.html ?? '', settings);
  const content = embedded !== '' ? embedded : element('a', { href: block.url, rel: linkRel(block.url) }, escapeText(block.url));
  const attributes = { class: 'embed', 'data-provider': block.provider };
  return element('figure', attributes, content + renderFigcaption(block.caption, undefined));
}

// Keyed by block type so the compiler insists on a renderer for every type in the schema.
const BLOCK_RENDERERS: { [T in BodyBlock['type']]: (block: Block<T>, settings: EmbedSettings) => string } = {
  paragraph: renderParagraph,
  heading: renderHeading,
  quote: renderQuote,
  list: renderList,
  image: renderImage,
  embed: renderEmbed,
};

function renderBlock(block: BodyBlock, settings: EmbedSettings): string {
  // Bodies are validated on write, but one stored by a newer or older schema must not take the
  // whole article page down, so an unknown block type renders as nothing.
  const render = Object.hasOwn(BLOCK_RENDERERS, block.type)
    ? (BLOCK_RENDERERS[block.type] as (block: BodyBlock, settings: EmbedSettings) => string)
    : undefined;
  return render === undefined ? '' : render(block, settings);
}

/**
 * The defence-in-depth pass applied to rendered bodies: an explicit allowlist of exactly what the
 * renderer (and sanitised embeds) can produce. Safe markup comes back unchanged.
 */
export function sanitizeBodyHtml(html: string, settings: EmbedSettings): string {
  return sanitizeHtml(html, bodySanitizeOptions(settings));
}

export function renderBodyHtml(body: ArticleBody, settings: EmbedSettings): string {
  const blocks = body.map((block) => renderBlock(block, settings)).filter((html) => html !== '');
  return sanitizeBodyHtml(blocks.join('\n'), settings);
}
