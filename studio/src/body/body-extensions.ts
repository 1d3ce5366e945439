import { Mark, Node, mergeAttributes, type Extensions } from '@tiptap/core';
import Blockquote from '@tiptap/extension-blockquote';
import Heading from '@tiptap/extension-heading';
import { ListItem } from '@tiptap/extension-list';
import StarterKit from '@tiptap/starter-kit';
import { isAcceptableHref, isAcceptableImageSrc } from './body-urls';

// The editor's schema is Newsdesk's body schema (src/articles/body/article-body.schema.ts) and no
// more: whatever cannot be stored (code blocks, rules, underline, hard breaks, nested lists) is left
// out, so pasting from Word or Google Docs keeps the structure and drops the rest.

const Subscript = Mark.create({
  name: 'subscript',
  excludes: 'superscript',
  parseHTML: () => [{ tag: 'sub' }, { style: 'vertical-align=sub' }],
  renderHTML: ({ HTMLAttributes }) => ['sub', HTMLAttributes, 0],
});

const Superscript = Mark.create({
  name: 'superscript',
  excludes: 'subscript',
  parseHTML: () => [{ tag: 'sup' }, { style: 'vertical-align=super' }],
  renderHTML: ({ HTMLAttributes }) => ['sup', HTMLAttributes, 0],
});

// h1 is the headline's, h5/h6 do not exist in bodies: pasted ones become the nearest level we have.
const BodyHeading = Heading.extend({
  parseHTML() {
    return [
      { tag: 'h1', attrs: { level: 2 } },
      { tag: 'h2', attrs: { level: 2 } },
      { tag: 'h3', attrs: { level: 3 } },
      { tag: 'h4', attrs: { level: 4 } },
      { tag: 'h5', attrs: { level: 4 } },
      { tag: 'h6', attrs: { level: 4 } },
    ];
  },
}).configure({ levels: [2, 3, 4] });

// A body list item is one line of inline text.
const BodyListItem = ListItem.extend({ content: 'paragraph' });

// Quotes hold paragraphs (one quote block each) and an attribution, which the renderer writes as <cite>.
const Quote = Blockquote.extend({
  content: 'paragraph+',
  addAttributes() {
    return {
      attribution: {
        default: null,
        parseHTML: (element) => element.querySelector('cite')?.textContent?.trim() || element.getAttribute('data-attribution'),
        renderHTML: (attributes) => (attributes.attribution ? { 'data-attribution': attributes.attribution } : {}),
      },
    };
  },
  parseHTML() {
    return [
      {
        tag: 'blockquote',
        // The <cite> became the attribution: it must not also become a paragraph.
        contentElement: (element) => {
          const copy = element.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('cite').forEach((cite) => cite.remove());
          return copy;
        },
      },
    ];
  },
});

// A node attribute kept in a data-* attribute of the HTML (copy and paste inside the editor); `key` is
// the attribute's name when it differs from the data-* name (imageId: data-image-id).
const dataAttribute = (name: string, parse: (value: string) => unknown = (value) => value, key = name) => ({
  default: null,
  parseHTML: (element: HTMLElement) => {
    const value = element.getAttribute(`data-${name}`);
    return value === null ? null : parse(value);
  },
  renderHTML: (attributes: Record<string, unknown>) =>
    attributes[key] === null || attributes[key] === undefined ? {} : { [`data-${name}`]: String(attributes[key]) },
});

const toNumber = (value: string) => (/^\d+$/.test(value) ? Number(value) : null);

export const BodyImage = Node.create({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return {
      url: dataAttribute('url'),
      imageId: dataAttribute('image-id', undefined, 'imageId'),
      alt: dataAttribute('alt'),
      caption: dataAttribute('caption'),
      credit: dataAttribute('credit'),
      width: dataAttribute('width', toNumber),
      height: dataAttribute('height', toNumber),
    };
  },
  parseHTML() {
    const fromImg = (img: HTMLImageElement | null) => {
      const src = img?.getAttribute('src') ?? '';
      if (!img || !isAcceptableImageSrc(src)) return false;
      return { url: src, alt: img.getAttribute('alt') || null, ...size(img) };
    };
    return [
      // Copied from the editor itself: a library reference, or a legacy block with its url.
      { tag: 'figure[data-image-id]' },
      { tag: 'figure[data-url]' },
      {
        tag: 'figure',
        getAttrs: (element) => {
          const attrs = fromImg(element.querySelector('img'));
          if (!attrs) return false;
          const caption = element.querySelector('figcaption');
          const credit = caption?.querySelector('.credit')?.textContent?.trim() || null;
          caption?.querySelector('.credit')?.remove();
          return { ...attrs, caption: caption?.textContent?.trim() || null, credit };
        },
      },
      // Images that cannot be stored (data: URLs from Word, blob: from a screenshot) are dropped.
      { tag: 'img[src]', getAttrs: (element) => fromImg(element as HTMLImageElement) },
    ];
  },
  renderHTML({ node, HTMLAttributes }) {
    const caption = [node.attrs.caption, node.attrs.credit].filter(Boolean).join(' · ');
    return [
      'figure',
      mergeAttributes(HTMLAttributes, { class: 'body-image' }),
      ['img', { src: node.attrs.url, alt: node.attrs.alt ?? '' }],
      ['figcaption', {}, caption],
    ];
  },
});

function size(img: HTMLImageElement) {
  const width = toNumber(img.getAttribute('width') ?? '');
  const height = toNumber(img.getAttribute('height') ?? '');
  return { width, height };
}

export const BodyEmbed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return {
      url: dataAttribute('url'),
      provider: dataAttribute('provider'),
      caption: dataAttribute('caption'),
      html: dataAttribute('html'),
    };
  },
  parseHTML: () => [{ tag: 'figure[data-embed]' }],
  // Shown as a labelled link inside the editor: third-party code never runs in the Studio itself.
  renderHTML: ({ node, HTMLAttributes }) => [
    'figure',
    mergeAttributes(HTMLAttributes, { 'data-embed': '', class: 'body-embed' }),
    ['span', { class: 'embed-label' }, `Embed${node.attrs.provider ? ` (${node.attrs.provider})` : ''}: ${node.attrs.url}`],
  ],
});

export const bodyExtensions: Extensions = [
  StarterKit.configure({
    blockquote: false,
    heading: false,
    listItem: false,
    codeBlock: false,
    horizontalRule: false,
    hardBreak: false,
    underline: false,
    trailingNode: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: 'https',
      HTMLAttributes: { rel: null, target: null },
      isAllowedUri: (url) => isAcceptableHref(url),
    },
  }),
  BodyHeading,
  BodyListItem,
  Quote,
  Subscript,
  Superscript,
  BodyImage,
  BodyEmbed,
];
