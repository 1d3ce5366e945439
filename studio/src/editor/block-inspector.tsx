import { useEditorState, type Editor } from '@tiptap/react';
import { NodeSelection } from '@tiptap/pm/state';
import { isLibraryReference } from '../api/images';
import { useReferencedImage } from './body-image-view';

type Attrs = Record<string, string | number | null>;

const IMAGE_FIELDS = [
  ['alt', 'Alt text'],
  ['caption', 'Caption'],
  ['credit', 'Credit'],
] as const;

// A library image brings its own credit; this article may only override alt text and caption.
const REFERENCE_FIELDS = IMAGE_FIELDS.slice(0, 2);

const EMBED_FIELDS = [
  ['url', 'Embed URL'],
  ['provider', 'Provider'],
  ['caption', 'Caption'],
  ['html', 'Embed code'],
] as const;

// The fields of the selected image or embed, or of the quote the cursor is in: the parts of a block
// that are not running text.
export function BlockInspector({ editor }: { editor: Editor }) {
  const selected = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const { selection } = e.state;
      if (selection instanceof NodeSelection && ['image', 'embed'].includes(selection.node.type.name)) {
        return { type: selection.node.type.name, attrs: selection.node.attrs as Attrs };
      }
      if (e.isActive('blockquote')) return { type: 'blockquote', attrs: e.getAttributes('blockquote') as Attrs };
      return null;
    },
  });
  const library = useReferencedImage(selected?.type === 'image' ? selected.attrs : {});
  if (!selected) return null;
  const reference = selected.type === 'image' && isLibraryReference(selected.attrs);
  // Empty override fields show the library's text, which readers then see.
  const fallback: Record<string, string | null | undefined> = { alt: library?.altText, caption: library?.caption };
  const fields =
    selected.type === 'image'
      ? reference
        ? REFERENCE_FIELDS
        : IMAGE_FIELDS
      : selected.type === 'embed'
        ? EMBED_FIELDS
        : ([['attribution', 'Attribution']] as const);
  const title = selected.type === 'image' ? 'Image' : selected.type === 'embed' ? 'Embed' : 'Quote';
  const update = (name: string, value: string) => {
    const attrs = { [name]: value === '' ? null : value };
    if (selected.type === 'blockquote') editor.commands.updateAttributes('blockquote', attrs);
    else editor.chain().updateAttributes(selected.type, attrs).setNodeSelection(editor.state.selection.from).run();
  };
  return (
    <fieldset className="block-inspector">
      <legend>{title} details</legend>
      {reference && (
        <p className="hint">
          From the media library{library?.credit ? ` (${library.credit})` : ''}: empty fields show the library&apos;s texts; what
          you type here is for this article only.
        </p>
      )}
      {fields.map(([name, label]) => (
        <label key={name}>
          {label}
          {name === 'html' ? (
            <textarea value={String(selected.attrs[name] ?? '')} onChange={(e) => update(name, e.target.value)} rows={3} />
          ) : (
            <input
              value={String(selected.attrs[name] ?? '')}
              placeholder={reference ? (fallback[name] ?? '') : undefined}
              onChange={(e) => update(name, e.target.value)}
            />
          )}
        </label>
      ))}
    </fieldset>
  );
}
