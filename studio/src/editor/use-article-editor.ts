import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { apiErrorOf, describeError } from '../api/errors';
import { ARTICLE, CREATE_ARTICLE, UPDATE_ARTICLE } from '../api/operations';
import {
  changedFields,
  draftOf,
  EMPTY_DRAFT,
  inputFor,
  mergeDrafts,
  type Draft,
  type Field,
  type ServerArticle,
} from './article-draft';

const AUTOSAVE_DELAY_MS = 1500;

export type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'error' | 'conflict';

// The editing session of one article: the server copy it is based on (`article`, version N), the
// editor's draft, autosave with expectedVersion N, and the conflict when someone else saved first.
export function useArticleEditor(initial: ServerArticle | null, onCreated: (article: ServerArticle) => void) {
  const client = useApolloClient();
  const [article, setArticle] = useState<ServerArticle | null>(initial);
  const [base, setBase] = useState<Draft>(initial ? draftOf(initial) : EMPTY_DRAFT);
  const [draft, setDraft] = useState<Draft>(base);
  const [state, setState] = useState<SaveState>(initial ? 'saved' : 'idle');
  const [error, setError] = useState('');
  const [theirs, setTheirs] = useState<ServerArticle | null>(null);
  // Bumped when the body is replaced from outside, so the rich-text editor reloads it.
  const [bodyRevision, setBodyRevision] = useState(0);
  const latest = useRef({ article, base, draft, theirs });
  latest.current = { article, base, draft, theirs };
  const inFlight = useRef<Promise<ServerArticle | null> | null>(null);

  const accept = useCallback((saved: ServerArticle) => {
    setArticle(saved);
    setBase(draftOf(saved));
    latest.current = { ...latest.current, article: saved, base: draftOf(saved) };
  }, []);

  const send = useCallback(
    async (fields: Field[], on: ServerArticle | null, from: Draft, revisionMessage?: string): Promise<ServerArticle> => {
      if (!on) {
        const { data } = await client.mutate<any>({
          mutation: CREATE_ARTICLE,
          variables: { input: { ...inputFor(from, [...new Set<Field>(['headline', ...fields])]), revisionMessage } },
        });
        return data.createArticle.article;
      }
      const input = { id: on.id, expectedVersion: on.version, ...inputFor(from, fields), revisionMessage };
      const { data } = await client.mutate<any>({ mutation: UPDATE_ARTICLE, variables: { input } });
      return data.updateArticle.article;
    },
    [client],
  );

  /** Saves what changed since the base version; resolves with the saved article (null: nothing to do). */
  const save = useCallback(
    async (revisionMessage?: string): Promise<ServerArticle | null> => {
      if (inFlight.current) await inFlight.current.catch(() => null);
      const { article: on, base: from, draft: current, theirs: conflict } = latest.current;
      const fields = changedFields(from, current);
      if (conflict || !current.headline.trim()) return on;
      if (on && Object.keys(inputFor(current, fields)).length === 0) return on;
      setState('saving');
      const run = send(fields, on, current, revisionMessage)
        .then((saved) => {
          accept(saved);
          // What the API made of the fields sent (a slug derived from the headline, a trimmed text) replaces
          // the draft's copy of every field not edited since the save began; what was typed meanwhile stays.
          // The body stays the editor's own (replacing it would move the cursor).
          const editedSince = new Set<Field>([...changedFields(current, latest.current.draft), 'body']);
          const rebased = mergeDrafts(latest.current.draft, draftOf(saved), editedSince);
          if (changedFields(latest.current.draft, rebased).length) {
            latest.current = { ...latest.current, draft: rebased };
            setDraft(rebased);
          }
          if (!on) onCreated(saved);
          setError('');
          setState(changedFields(draftOf(saved), latest.current.draft).length ? 'dirty' : 'saved');
          return saved;
        })
        .catch(async (failure) => {
          if (apiErrorOf(failure)?.code === 'CONFLICT' && on) {
            const { data } = await client.query<any>({ query: ARTICLE, variables: { id: on.id }, fetchPolicy: 'network-only' });
            setTheirs(data.adminArticle);
            setState('conflict');
            return null;
          }
          setError(describeError(failure));
          setState('error');
          throw failure;
        })
        .finally(() => {
          inFlight.current = null;
        });
      inFlight.current = run;
      return run;
    },
    [accept, client, onCreated, send],
  );

  // Autosave: a pause in typing saves the draft (on a live article, as pending changes).
  useEffect(() => {
    if (theirs || !changedFields(base, draft).length) return;
    setState((current) => (current === 'saving' ? current : 'dirty'));
    const timer = setTimeout(() => void save().catch(() => undefined), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [base, draft, theirs, save]);

  /**
   * Ends a conflict: the fields in keepMine from my draft, the rest from the other save. Nothing is
   * lost: their save is already a revision, and when any of my changes is not kept, my whole draft is
   * saved first as a revision of its own, then the merged text on top of it.
   */
  const resolve = useCallback(
    async (keepMine: ReadonlySet<Field>) => {
      const { draft: mine, base: from, theirs: other } = latest.current;
      if (!other) return;
      const theirDraft = draftOf(other);
      const merged = mergeDrafts(mine, theirDraft, keepMine);
      const myFields = changedFields(from, mine);
      setState('saving');
      try {
        let on = other;
        if (myFields.some((field) => !keepMine.has(field))) {
          on = await send(myFields, other, mine, 'My conflicting edit, kept for the record');
        }
        const fields = changedFields(draftOf(on), merged);
        const saved = fields.length ? await send(fields, on, merged, 'Conflict resolved') : on;
        accept(saved);
        setDraft(draftOf(saved));
        setBodyRevision((n) => n + 1);
        setTheirs(null);
        setError('');
        setState('saved');
      } catch (failure) {
        setError(describeError(failure));
        setState('error');
      }
    },
    [accept, send],
  );

  const replaceFromServer = useCallback(
    (saved: ServerArticle) => {
      accept(saved);
      setDraft(draftOf(saved));
      setBodyRevision((n) => n + 1);
    },
    [accept],
  );

  return {
    article,
    base,
    draft,
    setDraft,
    state,
    error,
    setError,
    theirs,
    bodyRevision,
    save,
    resolve,
    accept,
    replaceFromServer,
  };
}
