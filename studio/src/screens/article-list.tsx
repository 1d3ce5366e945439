import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { describeError } from '../api/errors';
import { useHasRole } from '../api/session-context';
import { ARTICLE_LIST, SEARCH_AUTHORS, SEARCH_TAGS, SECTIONS_AND_SERIES } from '../api/operations';
import { formatCount, formatDateTime, STATUS_LABELS } from '../components/format';
import { SearchSelect, type Option } from '../components/search-select';

interface Row {
  id: string;
  headline: string;
  status: string;
  trashed: boolean;
  hasPendingChanges: boolean;
  updatedAt: string;
  scheduledAt: string | null;
  section: Option | null;
  authors: Option[];
}

interface ListData {
  adminArticles: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Row }[] };
}

const PAGE_SIZE = 20;

export function ArticleList() {
  const [, navigate] = useLocation();
  const [status, setStatus] = useState('');
  const [sectionId, setSectionId] = useState('');
  const [author, setAuthor] = useState<Option | null>(null);
  const [tag, setTag] = useState<Option | null>(null);
  const [search, setSearch] = useState('');
  const [mine, setMine] = useState(false);
  // Below editor, the API lists only the reader's own articles whatever the box says: show it so.
  const ownOnly = !useHasRole('EDITOR');
  const [trashed, setTrashed] = useState(false);
  // Keyset paging: the cursors of the pages before this one, to go back.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const filters = {
    status: status || null,
    sectionId: sectionId || null,
    authorId: author?.id ?? null,
    tagId: tag?.id ?? null,
    search: search.trim() || null,
    mine: mine || null,
    trashed: trashed || null,
  };
  const { data, loading, error } = useQuery<ListData>(ARTICLE_LIST, { variables: { ...filters, first: PAGE_SIZE, after } });
  const { data: lookups } = useQuery<any>(SECTIONS_AND_SERIES);
  const resetPaging = () => setCursors([null]);
  const list = data?.adminArticles;

  return (
    <section aria-labelledby="articles-title">
      <div className="screen-head">
        <h1 id="articles-title">Articles</h1>
        {/* A button, as the issue names it for outside checks ("New article"); it opens the editor. */}
        <button type="button" className="primary" onClick={() => navigate('/articles/new')}>
          New article
        </button>
      </div>
      <form className="filters" role="search" aria-label="Filter articles" onSubmit={(event) => event.preventDefault()}>
        <label>
          Search
          <input type="search" value={search} onChange={(e) => (setSearch(e.target.value), resetPaging())} />
        </label>
        <label>
          Status
          <select value={status} onChange={(e) => (setStatus(e.target.value), resetPaging())}>
            <option value="">Any status</option>
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Section
          <select value={sectionId} onChange={(e) => (setSectionId(e.target.value), resetPaging())}>
            <option value="">Any section</option>
            {(lookups?.adminSections.edges ?? []).map(({ node }: { node: Option }) => (
              <option key={node.id} value={node.id}>
                {node.name}
              </option>
            ))}
          </select>
        </label>
        <FilterChip label="Author" value={author} onClear={() => (setAuthor(null), resetPaging())}>
          <SearchSelect
            label="Author"
            query={SEARCH_AUTHORS}
            connection="adminAuthors"
            onPick={(o) => (setAuthor(o), resetPaging())}
          />
        </FilterChip>
        <FilterChip label="Tag" value={tag} onClear={() => (setTag(null), resetPaging())}>
          <SearchSelect label="Tag" query={SEARCH_TAGS} connection="adminTags" onPick={(o) => (setTag(o), resetPaging())} />
        </FilterChip>
        <label className="inline">
          <input
            type="checkbox"
            checked={mine || ownOnly}
            disabled={ownOnly}
            aria-describedby={ownOnly ? 'only-mine-hint' : undefined}
            onChange={(e) => (setMine(e.target.checked), resetPaging())}
          />{' '}
          Only mine
        </label>
        {ownOnly && (
          <span className="hint" id="only-mine-hint">
            Your role lists only your own articles
          </span>
        )}
        <label className="inline">
          <input type="checkbox" checked={trashed} onChange={(e) => (setTrashed(e.target.checked), resetPaging())} /> Trash
        </label>
      </form>
      {error && (
        <p className="error" role="alert">
          {describeError(error)}
        </p>
      )}
      <p role="status" className="count">
        {loading && !list ? 'Loading…' : formatCount(list?.totalCount ?? 0, 'article')}
      </p>
      <table className="articles">
        <thead>
          <tr>
            <th scope="col">Headline</th>
            <th scope="col">Status</th>
            <th scope="col">Section</th>
            <th scope="col">Bylines</th>
            <th scope="col">Updated</th>
            <th scope="col">Scheduled</th>
          </tr>
        </thead>
        <tbody>
          {(list?.edges ?? []).map(({ node }) => (
            <tr key={node.id}>
              <td>
                <Link href={`/articles/${encodeURIComponent(node.id)}`}>{node.headline}</Link>
              </td>
              <td>
                <span className={`status status-${node.status.toLowerCase()}`}>{STATUS_LABELS[node.status]}</span>
                {node.hasPendingChanges && <span className="badge">pending changes</span>}
                {node.trashed && <span className="badge">in trash</span>}
              </td>
              <td>{node.section?.name ?? '—'}</td>
              <td>{node.authors.map((a) => a.name).join(', ') || '—'}</td>
              <td>{formatDateTime(node.updatedAt)}</td>
              <td>{formatDateTime(node.scheduledAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="pager" aria-label="Pages">
        <button type="button" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Previous page
        </button>
        <button
          type="button"
          disabled={!list?.pageInfo.hasNextPage}
          onClick={() => setCursors((c) => [...c, list!.pageInfo.endCursor])}
        >
          Next page
        </button>
      </nav>
    </section>
  );
}

function FilterChip({
  label,
  value,
  onClear,
  children,
}: {
  label: string;
  value: Option | null;
  onClear(): void;
  children: React.ReactNode;
}) {
  if (!value) return <>{children}</>;
  return (
    <span className="chip">
      {label}: {value.name}
      <button type="button" aria-label={`Remove ${label.toLowerCase()} filter ${value.name}`} onClick={onClear}>
        ×
      </button>
    </span>
  );
}
