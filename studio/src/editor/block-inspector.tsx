import { useEditorState, type Editor } from '@tiptap/react';
import { NodeSelection } from '@tiptap/pm/state';

type Attrs = Record<string, string | number | null>;

const IMAGE_FIELDS = [
  ['alt', 'Alt text'],
  ['caption', 'Caption'],
  ['credit', 'Credit'],
] as const;

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
  if (!selected) return null;
  const fields =
    selected.type === 'image'
      ? IMAGE_FIELDS
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
      {fields.map(([name, label]) => (
        <label key={name}>
          {label}
          {name === 'html' ? (
            <textarea value={String(selected.attrs[name] ?? '')} onChange={(e) => update(name, e.target.value)} rows={3} />
          ) : (
            <input value={String(selected.attrs[name] ?? '')} onChange={(e) => update(name, e.target.value)} />
          )}
        </label>
      ))}
    </fieldset>
  );
}
