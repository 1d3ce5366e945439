import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import type { LibraryImage } from '../api/images';
import { imageBlockFromLibrary } from '../api/images';
import { bodyExtensions } from '../body/body-extensions';
import { blocksToDoc, docToBlocks, type ArticleBody } from '../body/body-mapping';
import { isAcceptableEmbedUrl, isAcceptableHref } from '../body/body-urls';
import { ImagePicker } from '../media/image-picker';
import { BlockInspector } from './block-inspector';
import { BodyImageWithView } from './body-image-view';

// The body schema's extensions, with image blocks drawn by a React view that looks library images up.
const editorExtensions = bodyExtensions.map((extension) => (extension.name === 'image' ? BodyImageWithView : extension));

interface Props {
  value: ArticleBody;
  /** Bumped when the body is replaced from outside (taking the other save's text): reload it. */
  revision: number;
  onChange(body: ArticleBody): void;
}

// The body as rich text. Every change maps back to Newsdesk blocks at once (body-mapping.ts).
export function BodyEditor({ value, revision, onChange }: Props) {
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const editor = useEditor({
    extensions: editorExtensions,
    content: blocksToDoc(value),
    editorProps: {
      attributes: { 'aria-label': 'Body', 'aria-multiline': 'true', role: 'textbox', class: 'body-editor' },
    },
    onUpdate: ({ editor: current }) => onChangeRef.current(docToBlocks(current.getJSON())),
  });
  useEffect(() => {
    if (editor && revision > 0) editor.commands.setContent(blocksToDoc(value), { emitUpdate: false });
    // Only an outside replacement reloads; the editor's own edits must not reset the cursor.
  }, [revision, editor]);
  if (!editor) return null;
  return (
    <div className="body-field">
      <span className="field-label" id="body-label">
        Body
      </span>
      <Toolbar editor={editor} />
      <EditorContent editor={editor} />
      <BlockInspector editor={editor} />
    </div>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  const [linkOpen, setLinkOpen] = useState(false);
  const [embedOpen, setEmbedOpen] = useState(false);
  const [picking, setPicking] = useState(false);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      link: e.isActive('link'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      h4: e.isActive('heading', { level: 4 }),
      quote: e.isActive('blockquote'),
      bullets: e.isActive('bulletList'),
      numbers: e.isActive('orderedList'),
    }),
  });
  const chain = () => editor.chain().focus();
  const toggle = (label: string, pressed: boolean, run: () => void, shortcut?: string) => (
    <button type="button" aria-pressed={pressed} onClick={run} title={shortcut ? `${label} (${shortcut})` : label}>
      {label}
    </button>
  );
  const insertImage = (image: LibraryImage) => {
    const { type: _type, ...attrs } = imageBlockFromLibrary(image);
    chain().insertContent({ type: 'image', attrs }).run();
    setPicking(false);
  };
  return (
    <div className="toolbar" role="toolbar" aria-label="Body formatting" aria-controls="body-label">
      <button type="button" onClick={() => chain().setParagraph().run()}>
        Paragraph
      </button>
      {toggle('Heading 2', state.h2, () => chain().toggleHeading({ level: 2 }).run())}
      {toggle('Heading 3', state.h3, () => chain().toggleHeading({ level: 3 }).run())}
      {toggle('Heading 4', state.h4, () => chain().toggleHeading({ level: 4 }).run())}
      {toggle('Bold', state.bold, () => chain().toggleBold().run(), 'Ctrl+B')}
      {toggle('Italic', state.italic, () => chain().toggleItalic().run(), 'Ctrl+I')}
      {toggle('Link', state.link, () => setLinkOpen((open) => !open))}
      {toggle('Quote', state.quote, () => chain().toggleBlockquote().run())}
      {toggle('Bulleted list', state.bullets, () => chain().toggleBulletList().run())}
      {toggle('Numbered list', state.numbers, () => chain().toggleOrderedList().run())}
      <button type="button" onClick={() => setPicking(true)}>
        Image
      </button>
      <button type="button" onClick={() => setEmbedOpen((open) => !open)}>
        Embed
      </button>
      {linkOpen && <LinkForm editor={editor} onDone={() => setLinkOpen(false)} />}
      {embedOpen && <EmbedForm editor={editor} onDone={() => setEmbedOpen(false)} />}
      {picking && <ImagePicker title="Insert an image" onPick={insertImage} onClose={() => setPicking(false)} />}
    </div>
  );
}

function LinkForm({ editor, onDone }: { editor: Editor; onDone(): void }) {
  const [href, setHref] = useState<string>(editor.getAttributes('link').href ?? 'https://');
  const valid = isAcceptableHref(href.trim());
  const apply = () => {
    if (!valid) return;
    editor.chain().focus().extendMarkRange('link').setLink({ href: href.trim() }).run();
    onDone();
  };
  return (
    <div className="inline-form" role="group" aria-label="Link">
      <label>
        Link URL
        <input
          autoFocus
          value={href}
          aria-invalid={!valid}
          onChange={(e) => setHref(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              apply();
            }
            if (e.key === 'Escape') onDone();
          }}
        />
      </label>
      <button type="button" onClick={apply} disabled={!valid}>
        Apply link
      </button>
      <button type="button" onClick={() => (editor.chain().focus().unsetLink().run(), onDone())}>
        Remove link
      </button>
      {!valid && <span className="hint">An http(s) or mailto: address, or a site path starting with /</span>}
    </div>
  );
}

function EmbedForm({ editor, onDone }: { editor: Editor; onDone(): void }) {
  const [url, setUrl] = useState('https://');
  const [provider, setProvider] = useState('');
  const valid = isAcceptableEmbedUrl(url.trim());
  const insert = () => {
    if (!valid) return;
    const attrs = { url: url.trim(), provider: provider.trim() || null, caption: null, html: null };
    editor.chain().focus().insertContent({ type: 'embed', attrs }).run();
    onDone();
  };
  return (
    <div className="inline-form" role="group" aria-label="Embed">
      <label>
        Embed URL
        <input autoFocus value={url} aria-invalid={!valid} onChange={(e) => setUrl(e.target.value)} />
      </label>
      <label>
        Provider
        <input value={provider} placeholder="youtube, x, datawrapper…" onChange={(e) => setProvider(e.target.value)} />
      </label>
      <button type="button" onClick={insert} disabled={!valid}>
        Insert embed
      </button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </div>
  );
}
