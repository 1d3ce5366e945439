import { useQuery } from '@apollo/client/react';
import { NodeViewWrapper, ReactNodeViewRenderer, type NodeViewProps } from '@tiptap/react';
import { isLibraryReference, LIBRARY_IMAGE, type LibraryImage } from '../api/images';
import { BodyImage } from '../body/body-extensions';

/** The library image a body block refers to (from Apollo's cache when the picker or another block loaded it). */
export function useReferencedImage(attrs: { url?: string | null; imageId?: string | null }): LibraryImage | null {
  const reference = isLibraryReference(attrs);
  const { data } = useQuery<{ adminImage: LibraryImage | null }>(LIBRARY_IMAGE, {
    variables: { id: attrs.imageId },
    skip: !reference,
  });
  return reference ? (data?.adminImage ?? null) : null;
}

// How an image block looks while writing: a block by reference shows the library's file and texts
// (this article's caption and alt text, when given, win), a legacy block its own.
function BodyImageView({ node }: NodeViewProps) {
  const attrs = node.attrs as Record<string, string | null>;
  const image = useReferencedImage(attrs);
  const src = image?.url ?? attrs.url ?? undefined;
  const alt = attrs.alt ?? image?.altText ?? '';
  const caption = [attrs.caption ?? image?.caption, image ? image.credit : attrs.credit].filter(Boolean).join(' · ');
  return (
    <NodeViewWrapper as="figure" className="body-image" data-drag-handle="">
      {src ? <img src={src} alt={alt} /> : <span className="hint">Loading the library image…</span>}
      <figcaption>{caption}</figcaption>
    </NodeViewWrapper>
  );
}

export const BodyImageWithView = BodyImage.extend({
  addNodeView: () => ReactNodeViewRenderer(BodyImageView),
});
