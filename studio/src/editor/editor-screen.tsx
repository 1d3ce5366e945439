import { useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';
import { describeError } from '../api/errors';
import { ARTICLE } from '../api/operations';
import type { ServerArticle } from './article-draft';
import { ArticleFields } from './article-fields';
import { BodyEditor } from './body-editor';
import { ConflictPanel } from './conflict-panel';
import { useArticleEditor, type SaveState } from './use-article-editor';
import { WorkflowBar } from './workflow-bar';

const SAVE_STATES: Record<SaveState, string> = {
  idle: 'No changes yet',
  dirty: 'Unsaved changes',
  saving: 'Saving…',
  saved: 'All changes saved',
  error: 'Not saved',
  conflict: 'Not saved: someone else saved first',
};

// Articles this tab created: their address changes from /articles/new to /articles/<id>, but the
// editing session (draft, focus, cursor) carries on instead of reloading.
const createdHere = new Set<string>();

export default function EditorScreen({ id }: { id: string | null }) {
  const carriedOn = id !== null && createdHere.has(id);
  const { data, loading, error } = useQuery<{ adminArticle: ServerArticle }>(ARTICLE, {
    variables: { id },
    skip: !id || carriedOn,
    fetchPolicy: 'network-only',
  });
  if (carriedOn) return <Editor key="new" initial={null} />;
  if (id && loading) return <p role="status">Loading the article…</p>;
  if (id && error) {
    return (
      <p className="error" role="alert">
        {describeError(error)}
      </p>
    );
  }
  // Keyed by id: opening another article starts a fresh editing session.
  return <Editor key={id ?? 'new'} initial={id ? data!.adminArticle : null} />;
}

function Editor({ initial }: { initial: ServerArticle | null }) {
  const [, navigate] = useLocation();
  // The article this session created, carried on under its new address while this editor is open (and
  // only then: opened again later, it loads from the server as any other).
  const created = useRef<string | null>(null);
  useEffect(
    () => () => {
      if (created.current) createdHere.delete(created.current);
    },
    [],
  );
  const session = useArticleEditor(initial, (article) => {
    created.current = article.id;
    createdHere.add(article.id);
    navigate(`/articles/${encodeURIComponent(article.id)}`, { replace: true });
  });
  const { article, draft, setDraft, state, error, theirs, bodyRevision } = session;
  return (
    <article className="editor" aria-labelledby="editor-title">
      <div className="screen-head">
        <h1 id="editor-title">{article ? 'Edit article' : 'New article'}</h1>
        <p className={`save-state save-${state}`} role="status" aria-live="polite">
          {SAVE_STATES[state]}
        </p>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {theirs && (
        <ConflictPanel
          mine={draft}
          base={session.base}
          theirs={theirs}
          onResolve={(keepMine) => void session.resolve(keepMine)}
        />
      )}
      <WorkflowBar session={session} />
      <div className="editor-columns">
        <div className="editor-main">
          {/* Explicit label association: the names stay exactly "Headline", "Dek" and "Dateline" whatever is typed. */}
          <div className="field headline">
            <label htmlFor="article-headline">Headline</label>
            <input
              id="article-headline"
              value={draft.headline}
              required
              onChange={(e) => setDraft({ ...draft, headline: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="article-dek">Dek</label>
            <textarea id="article-dek" rows={2} value={draft.dek} onChange={(e) => setDraft({ ...draft, dek: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="article-dateline">Dateline</label>
            {/* The API's limit (60), so the editor cannot type what a save would refuse. */}
            <input
              id="article-dateline"
              value={draft.dateline}
              maxLength={60}
              placeholder="Where it was reported from, e.g. BAMAKO, Mali"
              onChange={(e) => setDraft({ ...draft, dateline: e.target.value })}
            />
          </div>
          <BodyEditor value={draft.body} revision={bodyRevision} onChange={(body) => setDraft((d) => ({ ...d, body }))} />
        </div>
        <ArticleFields article={article} draft={draft} setDraft={setDraft} />
      </div>
    </article>
  );
}
