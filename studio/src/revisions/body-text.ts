import type { ArticleBody, BodyBlock, InlineNode } from '../body/body-mapping';

const inline = (block: { text?: string; children?: InlineNode[] }) =>
  block.children
    ? block.children.map((node) => (node.href ? `${node.text} <${node.href}>` : node.text)).join('')
    : (block.text ?? '');

function line(block: BodyBlock): string {
  switch (block.type) {
    case 'paragraph':
      return inline(block);
    case 'heading':
      return `${'#'.repeat(block.level ?? 2)} ${inline(block)}`;
    case 'quote':
      return `> ${inline(block)}${block.attribution ? ` — ${block.attribution}` : ''}`;
    case 'list':
      return block.items
        .map(
          (item, index) =>
            `${block.style === 'numbered' ? `${index + 1}.` : '•'} ${typeof item === 'string' ? item : inline({ children: item })}`,
        )
        .join('\n');
    case 'image':
      return `[Image: ${block.caption ?? block.alt ?? block.url}${block.credit ? ` (${block.credit})` : ''}]`;
    case 'embed':
      return `[Embed: ${block.url}]`;
    default:
      return '';
  }
}

/** The body as plain lines (one per block), for text diffs and conflict views. */
export function blockText(body: ArticleBody): string {
  return body.map(line).join('\n');
}
