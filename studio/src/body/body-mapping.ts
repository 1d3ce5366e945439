import type { JSONContent } from '@tiptap/core';

// Newsdesk body blocks (src/articles/body/article-body.schema.ts) <-> the editor's ProseMirror JSON.
// Lossless: every field of every block kind has a place in the document, and a body written in the
// canonical form below comes back identical; any other valid body comes back rendering the same HTML.
// Canonical form: a run of unformatted text is `text`, anything else `children`; marks in INLINE_MARKS
// order; optional fields left out when empty.

export const INLINE_MARKS = ['em', 'strong', 'code', 'sub', 'sup', 'strike'] as const;
export type InlineMark = (typeof INLINE_MARKS)[number];

export interface InlineNode {
  text: string;
  marks?: InlineMark[];
  href?: string;
}

type Inline = { text: string } | { children: InlineNode[] };
type TextOrChildren = { text?: string; children?: InlineNode[] };

export type BodyBlock =
  | ({ type: 'paragraph' } & TextOrChildren)
  | ({ type: 'heading'; level?: 2 | 3 | 4 } & TextOrChildren)
  | ({ type: 'quote'; attribution?: string } & TextOrChildren)
  | { type: 'list'; style?: 'bulleted' | 'numbered'; items: (string | InlineNode[])[] }
  | {
      // By reference (imageId alone, with alt and caption as overrides), or legacy (by url).
      type: 'image';
      url?: string;
      imageId?: string;
      alt?: string;
      caption?: string;
      credit?: string;
      width?: number;
      height?: number;
    }
  | { type: 'embed'; url: string; provider?: string; caption?: string; html?: string };

export type ArticleBody = BodyBlock[];

const MARK_TO_PM: Record<InlineMark, string> = {
  em: 'italic',
  strong: 'bold',
  code: 'code',
  sub: 'subscript',
  sup: 'superscript',
  strike: 'strike',
};
const PM_TO_MARK = Object.fromEntries(Object.entries(MARK_TO_PM).map(([mark, pm]) => [pm, mark])) as Record<string, InlineMark>;

// ---- blocks -> document

function inlineToPm(nodes: InlineNode[]): JSONContent[] {
  return nodes
    .filter((node) => node.text !== '')
    .map((node) => {
      const marks: JSONContent['marks'] = (node.marks ?? []).map((mark) => ({ type: MARK_TO_PM[mark] }));
      if (node.href !== undefined) marks.push({ type: 'link', attrs: { href: node.href } });
      return marks.length ? { type: 'text', text: node.text, marks } : { type: 'text', text: node.text };
    });
}

function contentOf(block: TextOrChildren): JSONContent[] {
  return inlineToPm(block.children ?? [{ text: block.text ?? '' }]);
}

function paragraph(content: JSONContent[]): JSONContent {
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
}

// Node attributes of an image or embed block: every field but the type, absent ones as null.
function withAttrs(block: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(block).flatMap(([key, value]) => (key === 'type' ? [] : [[key, value ?? null]])));
}

function blockToPm(block: BodyBlock): JSONContent | null {
  switch (block.type) {
    case 'paragraph':
      return paragraph(contentOf(block));
    case 'heading':
      return { type: 'heading', attrs: { level: block.level ?? 2 }, ...optionalContent(contentOf(block)) };
    case 'quote':
      return { type: 'blockquote', attrs: { attribution: block.attribution ?? null }, content: [paragraph(contentOf(block))] };
    case 'list':
      return {
        type: block.style === 'numbered' ? 'orderedList' : 'bulletList',
        content: block.items.map((item) => ({
          type: 'listItem',
          content: [paragraph(inlineToPm(typeof item === 'string' ? [{ text: item }] : item))],
        })),
      };
    case 'image':
      return { type: 'image', attrs: withAttrs(block) };
    case 'embed':
      return { type: 'embed', attrs: withAttrs(block) };
    default:
      // A block kind this Studio does not know (a newer API): kept out of the editor, never sent back altered.
      return null;
  }
}

function optionalContent(content: JSONContent[]): { content?: JSONContent[] } {
  return content.length ? { content } : {};
}

export function blocksToDoc(body: ArticleBody): JSONContent {
  const content = body.map(blockToPm).filter((node): node is JSONContent => node !== null);
  // A document needs one block; an empty body is one empty paragraph (and maps back to []).
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}

// ---- document -> blocks

function pmToInline(content: JSONContent[] | undefined): InlineNode[] {
  const runs: InlineNode[] = [];
  for (const node of content ?? []) {
    if (node.type !== 'text' || !node.text) continue;
    const marks = INLINE_MARKS.filter((mark) => node.marks?.some((m) => PM_TO_MARK[m.type] === mark));
    const href = node.marks?.find((m) => m.type === 'link')?.attrs?.href as string | undefined;
    const run: InlineNode = { text: node.text, ...(marks.length ? { marks } : {}), ...(href ? { href } : {}) };
    const last = runs[runs.length - 1];
    // Adjacent runs with the same formatting are one run (ProseMirror would merge them anyway).
    if (last && sameFormatting(last, run)) last.text += run.text;
    else runs.push(run);
  }
  return runs;
}

function sameFormatting(a: InlineNode, b: InlineNode): boolean {
  return a.href === b.href && (a.marks ?? []).join() === (b.marks ?? []).join();
}

function isPlain(runs: InlineNode[]): boolean {
  return runs.length === 0 || (runs.length === 1 && !runs[0]!.marks && runs[0]!.href === undefined);
}

function inlineField(runs: InlineNode[]): Inline {
  return isPlain(runs) ? { text: runs[0]?.text ?? '' } : { children: runs };
}

function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined && v !== '')) as T;
}

function pmToBlocks(node: JSONContent): BodyBlock[] {
  switch (node.type) {
    case 'paragraph':
      return [{ type: 'paragraph', ...inlineField(pmToInline(node.content)) }];
    case 'heading':
      return [{ type: 'heading', level: (node.attrs?.level ?? 2) as 2 | 3 | 4, ...inlineField(pmToInline(node.content)) }];
    case 'blockquote':
      return quoteBlocks(node);
    case 'bulletList':
    case 'orderedList':
      return [
        {
          type: 'list',
          style: node.type === 'orderedList' ? 'numbered' : 'bulleted',
          items: (node.content ?? []).map((item) => {
            const runs = pmToInline(item.content?.[0]?.content);
            return isPlain(runs) ? (runs[0]?.text ?? '') : runs;
          }),
        },
      ];
    case 'image':
      return node.attrs?.url || node.attrs?.imageId
        ? [{ type: 'image', ...compact(node.attrs as Record<string, unknown>) } as BodyBlock]
        : [];
    case 'embed':
      return node.attrs?.url ? [{ type: 'embed', ...compact(node.attrs as Record<string, unknown>) } as BodyBlock] : [];
    default:
      return [];
  }
}

// Each paragraph of a quote is a quote block; the attribution goes with the last one.
function quoteBlocks(node: JSONContent): BodyBlock[] {
  const paragraphs = node.content ?? [];
  return paragraphs.map((child, index) => ({
    type: 'quote' as const,
    ...inlineField(pmToInline(child.content)),
    ...(index === paragraphs.length - 1 && node.attrs?.attribution ? { attribution: node.attrs.attribution as string } : {}),
  }));
}

export function docToBlocks(doc: JSONContent): ArticleBody {
  const blocks = (doc.content ?? []).flatMap(pmToBlocks);
  const onlyEmpty = blocks.length === 1 && blocks[0]!.type === 'paragraph' && (blocks[0] as { text?: string }).text === '';
  return onlyEmpty && (doc.content?.length ?? 0) === 1 ? [] : blocks;
}
