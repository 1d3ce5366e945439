import type { ArticleBody, BodyBlock, InlineNode } from './article-body.schema.js';

export const WORDS_PER_MINUTE = 230;
export const DEFAULT_TEASER_LENGTH = 280;

export interface BodyAnalysis {
  /** Plain text of the readable blocks, separated by blank lines. */
  text: string;
  wordCount: number;
  readingTimeMinutes: number;
}

function inlineText(nodes: readonly InlineNode[]): string {
  return nodes.map((node) => node.text).join('');
}

function contentText(block: { text?: string; children?: InlineNode[] }): string {
  return block.children === undefined ? (block.text ?? '') : inlineText(block.children);
}

function joinNonEmpty(parts: readonly string[], separator: string): string {
  return parts
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(separator);
}

// Media captions, credits and embeds are left out: they are not read as part of the story, and
// keeping them out means wordCount always equals the number of words in `text`.
function blockText(block: BodyBlock): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return contentText(block).trim();
    case 'quote':
      return joinNonEmpty([contentText(block), block.attribution ? `— ${block.attribution}` : ''], '\n');
    case 'list':
      return joinNonEmpty(
        block.items.map((item) => (typeof item === 'string' ? item : inlineText(item))),
        '\n',
      );
    default:
      return '';
  }
}

// A word is a whitespace-separated token with at least one letter or digit, so stray dashes and
// bullets do not count. Scripts written without spaces (Chinese, Japanese, Thai) are undercounted.
function countWords(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

export function analyseBody(body: ArticleBody): BodyAnalysis {
  const text = joinNonEmpty(body.map(blockText), '\n\n');
  const wordCount = countWords(text);
  return { text, wordCount, readingTimeMinutes: Math.ceil(wordCount / WORDS_PER_MINUTE) };
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// Counted in code points so an emoji is never split into a lone surrogate.
function truncateAtWord(text: string, maxLength: number): string {
  const chars = Array.from(text);
  if (chars.length <= maxLength) return text;
  const room = chars.slice(0, maxLength - 1).join('');
  const cutsMidWord = chars[maxLength - 1] !== ' ';
  const lastSpace = room.lastIndexOf(' ');
  // A single word longer than the limit has no boundary to cut at, so it is cut hard.
  const kept = cutsMidWord && lastSpace > 0 ? room.slice(0, lastSpace) : room;
  return `${kept.replace(/[\s,;:–—-]+$/u, '')}…`;
}

export function deriveTeaser(body: ArticleBody, maxLength: number = DEFAULT_TEASER_LENGTH): string | null {
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new RangeError(`maxLength must be a positive integer, got ${maxLength}`);
  }
  for (const block of body) {
    if (block.type !== 'paragraph') continue;
    const text = collapseWhitespace(contentText(block));
    if (text !== '') return truncateAtWord(text, maxLength);
  }
  return null;
}
