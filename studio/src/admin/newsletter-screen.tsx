import { gql } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { accessToken } from '../api/session';
import { formatCount, formatDateTime } from '../components/format';
import { CrudTable, PanelNotices } from './crud-table';

const SUBSCRIBERS = gql`
  query StudioSubscribers($status: NewsletterSubscriberStatus, $after: String) {
    newsletterSubscribers(status: $status, first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          email
          status
          createdAt
          confirmedAt
        }
      }
    }
  }
`;

export default function NewsletterScreen() {
  const [status, setStatus] = useState('');
  const [message, setMessage] = useState('');
  const { data, error } = useQuery<any>(SUBSCRIBERS, { variables: { status: status || null } });

  // The export is a REST download with the bearer token, saved through a blob URL.
  async function exportCsv() {
    const response = await fetch('/admin/newsletter/subscribers.csv', {
      headers: { authorization: `Bearer ${await accessToken()}` },
    });
    if (!response.ok) return setMessage(`The export failed (HTTP ${response.status})`);
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement('a'), { href: url, download: 'newsletter-subscribers.csv' });
    link.click();
    URL.revokeObjectURL(url);
    setMessage('Exported the confirmed subscribers');
  }

  return (
    <section aria-labelledby="newsletter-title">
      <h1 id="newsletter-title">Newsletter subscribers</h1>
      <div className="filters">
        <label>
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Any</option>
            <option value="CONFIRMED">Confirmed</option>
            <option value="PENDING">Pending</option>
            <option value="UNSUBSCRIBED">Unsubscribed</option>
          </select>
        </label>
        <button type="button" onClick={() => void exportCsv()}>
          Export CSV
        </button>
      </div>
      <PanelNotices error={error} message={message} />
      <CrudTable
        caption={formatCount(data?.newsletterSubscribers.totalCount ?? 0, 'subscriber')}
        rows={(data?.newsletterSubscribers.edges ?? []).map((e: any) => e.node)}
        columns={[
          { label: 'Email', cell: (s: any) => s.email },
          { label: 'Status', cell: (s: any) => s.status.toLowerCase() },
          { label: 'Signed up', cell: (s: any) => formatDateTime(s.createdAt) },
          { label: 'Confirmed', cell: (s: any) => formatDateTime(s.confirmedAt) },
        ]}
      />
    </section>
  );
}
