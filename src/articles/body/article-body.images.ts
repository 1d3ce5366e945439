import { fromGlobalId } from '../../common/global-id.js';
import type { ArticleBody, BodyBlock } from './article-body.schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The uuid of the media library image an image block shows, if it shows one. */
export function imageBlockRef(block: Extract<BodyBlock, { type: 'image' }>): string | undefined {
  if (block.imageId === undefined) return undefined;
  // A public Image id (what uploads return), or the raw uuid of a legacy copied block.
  if (UUID.test(block.imageId)) return block.imageId.toLowerCase();
  const parsed = fromGlobalId(block.imageId);
  return parsed?.type === 'Image' ? parsed.id : undefined;
}

/** Every library image the body shows, once each, in order of appearance. */
export function referencedImageIds(body: ArticleBody): string[] {
  const ids = new Set<string>();
  for (const block of body) {
    if (block.type !== 'image') continue;
    const ref = imageBlockRef(block);
    if (ref) ids.add(ref);
  }
  return [...ids];
}
