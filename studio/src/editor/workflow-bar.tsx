import { useApolloClient } from '@apollo/client/react';
import type { DocumentNode } from 'graphql';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { describeError } from '../api/errors';
import {
  DISCARD_PENDING,
  PUBLISH_ARTICLE,
  RESTORE_ARTICLE,
  SCHEDULE_ARTICLE,
  TRASH_ARTICLE,
  UNPUBLISH_ARTICLE,
} from '../api/operations';
import { useHasRole, useSession } from '../api/session-context';
import { formatDateTime, STATUS_LABELS, timeZoneName } from '../components/format';
import type { ServerArticle } from './article-draft';
import { PreviewPanel } from './preview-panel';
import type { useArticleEditor } from './use-article-editor';

type Session = ReturnType<typeof useArticleEditor>;

/** "2026-12-01T10:30" typed in the editor's zone -> "2026-12-01T10:30:00+01:00" (sent with its offset). */
export function withOffset(local: string): string {
  const date = new Date(local);
  const minutes = -date.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const seconds = local.length === 16 ? `${local}:00` : local.slice(0, 19);
  return `${seconds}${sign}${pad(minutes / 60)}:${pad(minutes % 60)}`;
}

// Publishing controls. Buttons a role may not use are not offered; the API still decides, and its
// FORBIDDEN is shown as it comes.
export function WorkflowBar({ session }: { session: Session }) {
  const client = useApolloClient();
  const [, navigate] = useLocation();
  const { user } = useSession();
  const editor = useHasRole('EDITOR');
  const author = useHasRole('AUTHOR');
  const [publishAt, setPublishAt] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState(false);
  const { article, save, setError } = session;
  const canPublish = Boolean(article && (editor || (author && article.createdById === user?.id)));

  async function run(mutation: DocumentNode, name: string, input: (a: ServerArticle) => Record<string, unknown>, done: string) {
    setBusy(true);
    setNotice('');
    try {
      const saved = (await save()) ?? article;
      if (!saved) return;
      const { data } = await client.mutate<any>({ mutation, variables: { input: input(saved) } });
      session.replaceFromServer(data[name].article);
      setError('');
      setNotice(done);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  }

  const id = (a: ServerArticle) => ({ id: a.id });
  if (!article) {
    return (
      <div className="workflow" role="group" aria-label="Workflow">
        <button type="button" className="primary" onClick={() => void save().catch(() => undefined)}>
          Save
        </button>
        <span className="hint">Give it a headline: it is saved as a draft.</span>
      </div>
    );
  }
  const live = article.status === 'PUBLISHED';
  return (
    <div className="workflow" role="group" aria-label="Workflow">
      <p className="status-line">
        <span className={`status status-${article.status.toLowerCase()}`}>{STATUS_LABELS[article.status]}</span>
        {article.trashed && <span className="badge">in trash</span>}
        {article.hasPendingChanges && (
          <span className="badge pending">Pending changes: the public still sees the published version</span>
        )}
        {article.status === 'SCHEDULED' && <span>Goes live {formatDateTime(article.scheduledAt)}</span>}
        <span className="hint">Version {article.version}</span>
      </p>
      <div className="buttons">
        <button type="button" className="primary" disabled={busy} onClick={() => void save().catch(() => undefined)}>
          Save
        </button>
        {canPublish && !article.trashed && !live && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(PUBLISH_ARTICLE, 'publishArticle', (a) => ({ id: a.id, expectedVersion: a.version }), 'Published')
            }
          >
            Publish
          </button>
        )}
        {canPublish && !article.trashed && live && article.hasPendingChanges && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(PUBLISH_ARTICLE, 'publishArticle', (a) => ({ id: a.id, expectedVersion: a.version }), 'Changes published')
            }
          >
            Publish changes
          </button>
        )}
        {!article.trashed && live && article.hasPendingChanges && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(
                DISCARD_PENDING,
                'discardPendingChanges',
                (a) => ({ id: a.id, expectedVersion: a.version }),
                'Pending changes discarded',
              )
            }
          >
            Discard changes
          </button>
        )}
        {canPublish && !article.trashed && (live || article.status === 'SCHEDULED') && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(UNPUBLISH_ARTICLE, 'unpublishArticle', id, live ? 'Unpublished' : 'Schedule cancelled')}
          >
            {live ? 'Unpublish' : 'Cancel schedule'}
          </button>
        )}
        {!article.trashed ? (
          <button type="button" disabled={busy} onClick={() => void run(TRASH_ARTICLE, 'trashArticle', id, 'Moved to the trash')}>
            Move to trash
          </button>
        ) : (
          <button type="button" disabled={busy} onClick={() => void run(RESTORE_ARTICLE, 'restoreArticle', id, 'Restored')}>
            Restore
          </button>
        )}
        <button
          type="button"
          aria-pressed={preview}
          onClick={() =>
            void save()
              .catch(() => undefined)
              .then(() => setPreview((p) => !p))
          }
        >
          Preview
        </button>
        <Link href={`/articles/${encodeURIComponent(article.id)}/revisions`}>Revisions</Link>
        <button type="button" onClick={() => navigate('/')}>
          Back to articles
        </button>
      </div>
      {canPublish && !article.trashed && !live && (
        <div className="schedule" role="group" aria-label="Schedule">
          <label>
            Publish at ({timeZoneName()})
            <input type="datetime-local" step={1} value={publishAt} onChange={(e) => setPublishAt(e.target.value)} />
          </label>
          <button
            type="button"
            disabled={busy || !publishAt}
            onClick={() =>
              void run(SCHEDULE_ARTICLE, 'scheduleArticle', (a) => ({ id: a.id, publishAt: withOffset(publishAt) }), 'Scheduled')
            }
          >
            Schedule
          </button>
        </div>
      )}
      <p role="status" className="notice">
        {notice}
      </p>
      {preview && <PreviewPanel article={article} />}
    </div>
  );
}
