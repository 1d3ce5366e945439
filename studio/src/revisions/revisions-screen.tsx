import { useApolloClient, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { describeError } from '../api/errors';
import { ARTICLE, RESTORE_REVISION, REVISIONS } from '../api/operations';
import { useSession } from '../api/session-context';
import { formatDateTime } from '../components/format';
import type { ArticleBody } from '../body/body-mapping';
import { blockText } from './body-text';
import { TextDiff } from './text-diff';

interface Revision {
  id: string;
  version: number;
  message: string | null;
  createdById: string | null;
  createdByTokenId: string | null;
  createdAt: string;
  snapshot: { status: string; content: Record<string, unknown> & { body: ArticleBody } };
}

const TEXT_FIELDS: [string, string][] = [
  ['headline', 'Headline'],
  ['dek', 'Dek'],
  ['dateline', 'Dateline'],
  ['slug', 'Slug'],
  ['type', 'Type'],
  ['teaser', 'Teaser'],
  ['seoTitle', 'SEO title'],
  ['seoDescription', 'SEO description'],
  ['canonicalUrl', 'Canonical URL'],
  ['sectionId', 'Section'],
  ['seriesId', 'Series'],
  ['featuredImageId', 'Featured image'],
  ['authorIds', 'Bylines'],
  ['tagIds', 'Tags'],
];

const asText = (value: unknown) => (Array.isArray(value) ? value.join(', ') : value == null ? '' : String(value));

// User names are for admins only (users query); everyone can tell their own saves from others'.
function savedBy(revision: Revision, me: string | undefined): string {
  if (revision.createdById) return revision.createdById === me ? 'You' : 'Another user';
  return revision.createdByTokenId ? 'An API token' : 'Newsdesk (scheduled)';
}

export default function RevisionsScreen({ id }: { id: string }) {
  const client = useApolloClient();
  const { user } = useSession();
  const [, navigate] = useLocation();
  const { data, error } = useQuery<any>(REVISIONS, { variables: { id, first: 100 }, fetchPolicy: 'network-only' });
  const revisions: Revision[] = (data?.articleRevisions.edges ?? []).map((edge: { node: Revision }) => edge.node);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [message, setMessage] = useState('');
  const newest = revisions[0]?.version ?? null;
  const fromVersion = from ?? revisions[1]?.version ?? newest;
  const toVersion = to ?? newest;
  const older = revisions.find((r) => r.version === fromVersion);
  const newer = revisions.find((r) => r.version === toVersion);

  async function restore(version: number) {
    try {
      const { data: current } = await client.query<any>({ query: ARTICLE, variables: { id }, fetchPolicy: 'network-only' });
      await client.mutate({
        mutation: RESTORE_REVISION,
        variables: {
          input: { id, version, expectedVersion: current.adminArticle.version, revisionMessage: `Restored version ${version}` },
        },
      });
      navigate(`/articles/${encodeURIComponent(id)}`);
    } catch (failure) {
      setMessage(describeError(failure));
    }
  }

  return (
    <section aria-labelledby="revisions-title">
      <div className="screen-head">
        <h1 id="revisions-title">Revisions</h1>
        <Link href={`/articles/${encodeURIComponent(id)}`}>Back to the article</Link>
      </div>
      {(error || message) && (
        <p className="error" role="alert">
          {error ? describeError(error) : message}
        </p>
      )}
      <table>
        <caption>{revisions.length} saved versions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Saved</th>
            <th scope="col">By</th>
            <th scope="col">Status</th>
            <th scope="col">Note</th>
            <th scope="col">Compare</th>
            <th scope="col">Restore</th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((revision) => (
            <tr key={revision.id}>
              <td>{revision.version}</td>
              <td>{formatDateTime(revision.createdAt)}</td>
              <td>{savedBy(revision, user?.id)}</td>
              <td>{revision.snapshot.status}</td>
              <td>{revision.message ?? ''}</td>
              <td>
                <label className="inline">
                  <input
                    type="radio"
                    name="from"
                    checked={fromVersion === revision.version}
                    onChange={() => setFrom(revision.version)}
                  />{' '}
                  From
                </label>{' '}
                <label className="inline">
                  <input
                    type="radio"
                    name="to"
                    checked={toVersion === revision.version}
                    onChange={() => setTo(revision.version)}
                  />{' '}
                  To
                </label>
              </td>
              <td>
                <button
                  type="button"
                  onClick={() => void restore(revision.version)}
                  aria-label={`Restore version ${revision.version}`}
                >
                  Restore
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {older && newer && (
        <section className="diff" aria-labelledby="diff-title">
          <h2 id="diff-title">
            Changes from version {older.version} to version {newer.version}
          </h2>
          <dl>
            {TEXT_FIELDS.filter(([field]) => asText(older.snapshot.content[field]) !== asText(newer.snapshot.content[field])).map(
              ([field, label]) => (
                <div key={field}>
                  <dt>{label}</dt>
                  <dd>
                    <TextDiff before={asText(older.snapshot.content[field])} after={asText(newer.snapshot.content[field])} />
                  </dd>
                </div>
              ),
            )}
            <div>
              <dt>Body</dt>
              <dd className="body-diff">
                <TextDiff before={blockText(older.snapshot.content.body)} after={blockText(newer.snapshot.content.body)} />
              </dd>
            </div>
          </dl>
        </section>
      )}
    </section>
  );
}
