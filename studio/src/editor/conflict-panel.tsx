import { useState } from 'react';
import { changedFields, draftOf, FIELD_LABELS, type Draft, type Field, type ServerArticle } from './article-draft';
import { blockText } from '../revisions/body-text';

function show(draft: Draft, field: Field): string {
  const value = draft[field];
  if (field === 'body') return blockText(draft.body) || '(empty)';
  if (field === 'authors' || field === 'tags')
    return (value as { name: string }[]).map((item) => item.name).join(', ') || '(none)';
  if (field === 'featuredImage') return draft.featuredImage?.caption || draft.featuredImage?.url || '(none)';
  return String(value ?? '') || '(empty)';
}

// Someone saved while I was editing: what they changed and what I changed, side by side. Keep mine,
// take theirs, or choose per field; the losing text stays in the revision history either way.
export function ConflictPanel({
  mine,
  base,
  theirs,
  onResolve,
}: {
  mine: Draft;
  base: Draft;
  theirs: ServerArticle;
  onResolve(keepMine: ReadonlySet<Field>): void;
}) {
  const their = draftOf(theirs);
  const theirChanges = changedFields(base, their);
  const myChanges = changedFields(base, mine);
  const fields = [...new Set([...theirChanges, ...myChanges])];
  const [keep, setKeep] = useState<Set<Field>>(new Set(myChanges));
  return (
    <section className="conflict" role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-text">
      <h2 id="conflict-title">Someone else saved this article</h2>
      <p id="conflict-text">
        It is now at version {theirs.version}. Their save changed:{' '}
        {theirChanges.map((f) => FIELD_LABELS[f]).join(', ') || 'nothing you see'}. Nothing is lost: their version is in the
        revisions, and so will yours be.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Their version</th>
            <th scope="col">Your version</th>
            <th scope="col">Keep</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field}>
              <th scope="row">{FIELD_LABELS[field]}</th>
              <td className="their">{show(their, field)}</td>
              <td className="mine">{show(mine, field)}</td>
              <td>
                <fieldset>
                  <legend className="visually-hidden">Keep which {FIELD_LABELS[field]}</legend>
                  <label className="inline">
                    <input
                      type="radio"
                      name={`keep-${field}`}
                      checked={keep.has(field)}
                      onChange={() => setKeep((k) => new Set(k).add(field))}
                    />{' '}
                    Mine
                  </label>
                  <label className="inline">
                    <input
                      type="radio"
                      name={`keep-${field}`}
                      checked={!keep.has(field)}
                      onChange={() =>
                        setKeep((k) => {
                          const next = new Set(k);
                          next.delete(field);
                          return next;
                        })
                      }
                    />{' '}
                    Theirs
                  </label>
                </fieldset>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="buttons">
        <button type="button" className="primary" onClick={() => onResolve(new Set(myChanges))}>
          Keep mine
        </button>
        <button type="button" onClick={() => onResolve(new Set())}>
          Take theirs
        </button>
        <button type="button" onClick={() => onResolve(keep)}>
          Merge chosen fields
        </button>
      </div>
    </section>
  );
}
