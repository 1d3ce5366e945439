import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { LibraryImage } from '../api/images';
import { CREATE_TAG, SEARCH_AUTHORS, SEARCH_TAGS, SECTIONS_AND_SERIES } from '../api/operations';
import { useHasRole } from '../api/session-context';
import { SearchSelect } from '../components/search-select';
import { ImagePicker } from '../media/image-picker';
import { ImageTexts } from '../media/image-texts';
import { slugify, type Draft, type Named, type ServerArticle } from './article-draft';

export const ARTICLE_TYPES = ['NEWS', 'ANALYSIS', 'OPINION', 'FEATURE', 'INTERVIEW', 'EXPLAINER', 'REVIEW', 'BRIEF'];

const typeLabel = (type: string) => type[0] + type.slice(1).toLowerCase();

interface Props {
  article: ServerArticle | null;
  draft: Draft;
  setDraft(update: Draft | ((draft: Draft) => Draft)): void;
}

// Everything about an article but its text: slug, type, section, series, bylines, tags, featured image, SEO.
export function ArticleFields({ article, draft, setDraft }: Props) {
  const { data } = useQuery<any>(SECTIONS_AND_SERIES);
  const [createTag] = useMutation<any>(CREATE_TAG);
  // Creating tags is for editors (the API's rule); others pick existing ones.
  const mayCreateTags = useHasRole('EDITOR');
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const section = data?.adminSections.edges.find((e: { node: Named }) => e.node.id === draft.sectionId)?.node;
  const derivedLabel = [typeLabel(draft.type), section?.name].filter(Boolean).join(' | ');

  return (
    <aside className="editor-side" aria-label="Article details">
      <label>
        Label
        <input
          value={draft.label}
          placeholder={derivedLabel}
          aria-describedby="label-hint"
          onChange={(e) => set('label', e.target.value)}
        />
      </label>
      <p className="hint" id="label-hint">
        Readers see <strong>{draft.label.trim() || derivedLabel}</strong>
        {draft.label.trim() ? '' : ' (from the type and section; type a kicker such as "Exclusive" to replace it)'}
      </p>
      <label>
        Slug
        <input
          value={draft.slug}
          placeholder={slugify(draft.headline) || 'generated from the headline'}
          onChange={(e) => set('slug', e.target.value)}
          onBlur={() => !draft.slug.trim() && article && set('slug', article.slug)}
        />
      </label>
      {article && article.previousSlugs.length > 0 && (
        <p className="hint">Previous slugs (still lead here): {article.previousSlugs.join(', ')}</p>
      )}
      <label>
        Type
        <select value={draft.type} onChange={(e) => set('type', e.target.value)}>
          {ARTICLE_TYPES.map((type) => (
            <option key={type} value={type}>
              {typeLabel(type)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Section
        <select value={draft.sectionId} onChange={(e) => set('sectionId', e.target.value)}>
          <option value="">No section</option>
          {(data?.adminSections.edges ?? []).map(({ node }: { node: Named }) => (
            <option key={node.id} value={node.id}>
              {node.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Series
        <select value={draft.seriesId} onChange={(e) => set('seriesId', e.target.value)}>
          <option value="">No series</option>
          {(data?.adminSeries.edges ?? []).map(({ node }: { node: Named }) => (
            <option key={node.id} value={node.id}>
              {node.name}
            </option>
          ))}
        </select>
      </label>
      <OrderedList title="Bylines" items={draft.authors} onChange={(authors) => set('authors', authors)} />
      <SearchSelect
        label="Add a byline"
        query={SEARCH_AUTHORS}
        connection="adminAuthors"
        exclude={draft.authors.map((a) => a.id)}
        onPick={(author) => setDraft((d) => ({ ...d, authors: [...d.authors, author] }))}
      />
      <OrderedList title="Tags" items={draft.tags} onChange={(tags) => set('tags', tags)} />
      <SearchSelect
        label="Add a tag"
        query={SEARCH_TAGS}
        connection="adminTags"
        exclude={draft.tags.map((t) => t.id)}
        onPick={(tag) => setDraft((d) => ({ ...d, tags: [...d.tags, tag] }))}
        onCreate={
          mayCreateTags
            ? async (name) => {
                const { data: created } = await createTag({ variables: { input: { name } } });
                const tag = created.createTag.tag as Named;
                setDraft((d) => ({ ...d, tags: [...d.tags, tag] }));
              }
            : undefined
        }
      />
      <FeaturedImage image={draft.featuredImage} onChange={(image) => set('featuredImage', image)} />
      <details>
        <summary>Teaser and SEO</summary>
        <label>
          Teaser
          <textarea rows={3} value={draft.teaser} onChange={(e) => set('teaser', e.target.value)} />
        </label>
        <label>
          SEO title
          <input value={draft.seoTitle} onChange={(e) => set('seoTitle', e.target.value)} />
        </label>
        <label>
          SEO description
          <textarea rows={2} value={draft.seoDescription} onChange={(e) => set('seoDescription', e.target.value)} />
        </label>
        <label>
          Canonical URL
          <input type="url" value={draft.canonicalUrl} onChange={(e) => set('canonicalUrl', e.target.value)} />
        </label>
      </details>
    </aside>
  );
}

function OrderedList({ title, items, onChange }: { title: string; items: Named[]; onChange(items: Named[]): void }) {
  const move = (index: number, by: number) => {
    const next = [...items];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onChange(next);
  };
  return (
    <fieldset className="ordered">
      <legend>{title}</legend>
      {items.length === 0 && <p className="hint">None yet</p>}
      <ol>
        {items.map((item, index) => (
          <li key={item.id}>
            <span>{item.name}</span>
            <button type="button" aria-label={`Move ${item.name} up`} disabled={index === 0} onClick={() => move(index, -1)}>
              ↑
            </button>
            <button
              type="button"
              aria-label={`Move ${item.name} down`}
              disabled={index === items.length - 1}
              onClick={() => move(index, 1)}
            >
              ↓
            </button>
            <button
              type="button"
              aria-label={`Remove ${item.name}`}
              onClick={() => onChange(items.filter((i) => i.id !== item.id))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
    </fieldset>
  );
}

function FeaturedImage({ image, onChange }: { image: LibraryImage | null; onChange(image: LibraryImage | null): void }) {
  const [picking, setPicking] = useState(false);
  return (
    <fieldset className="featured">
      <legend>Featured image</legend>
      {image ? (
        <>
          <ImageTexts key={image.id} image={image} onSaved={onChange} />
          <button type="button" onClick={() => onChange(null)}>
            Remove featured image
          </button>
        </>
      ) : (
        <p className="hint">None</p>
      )}
      <button type="button" onClick={() => setPicking(true)}>
        Choose featured image
      </button>
      {picking && (
        <ImagePicker
          title="Choose the featured image"
          onPick={(picked) => {
            onChange(picked);
            setPicking(false);
          }}
          onClose={() => setPicking(false)}
        />
      )}
    </fieldset>
  );
}
