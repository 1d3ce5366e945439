import { gql } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { formatCount, formatDateTime } from '../components/format';
import { CrudTable, PanelNotices } from './crud-table';

const AUDIT = gql`
  query StudioAudit($action: String, $entityType: String, $after: String) {
    auditEntries(action: $action, entityType: $entityType, first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          action
          actorKind
          actorId
          entityType
          entityId
          ip
          createdAt
          details
        }
      }
    }
  }
`;

export default function AuditScreen() {
  const [action, setAction] = useState('');
  const [entityType, setEntityType] = useState('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const { data, error } = useQuery<any>(AUDIT, {
    variables: { action: action || null, entityType: entityType || null, after: cursors[cursors.length - 1] },
  });
  const page = data?.auditEntries;
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <div className="filters">
        <label>
          Action
          <input
            value={action}
            placeholder="article.published"
            onChange={(e) => (setAction(e.target.value), setCursors([null]))}
          />
        </label>
        <label>
          Entity type
          <input value={entityType} placeholder="Article" onChange={(e) => (setEntityType(e.target.value), setCursors([null]))} />
        </label>
      </div>
      <PanelNotices error={error} />
      <CrudTable
        caption={`${formatCount(page?.totalCount ?? 0, 'entry', 'entries')}, newest first`}
        rows={(page?.edges ?? []).map((e: any) => e.node)}
        columns={[
          { label: 'When', cell: (e: any) => formatDateTime(e.createdAt) },
          { label: 'Action', cell: (e: any) => e.action },
          { label: 'Who', cell: (e: any) => `${e.actorKind}${e.actorId ? ` ${e.actorId.slice(0, 8)}` : ''}` },
          { label: 'What', cell: (e: any) => `${e.entityType} ${e.entityId ? e.entityId.slice(-12) : ''}` },
          { label: 'From', cell: (e: any) => e.ip ?? '—' },
        ]}
      />
      <nav className="pager" aria-label="Pages">
        <button type="button" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Previous page
        </button>
        <button
          type="button"
          disabled={!page?.pageInfo.hasNextPage}
          onClick={() => setCursors((c) => [...c, page.pageInfo.endCursor])}
        >
          Next page
        </button>
      </nav>
    </section>
  );
}
