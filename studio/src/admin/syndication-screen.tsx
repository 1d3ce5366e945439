import { gql } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { describeError } from '../api/errors';
import { formatDateTime } from '../components/format';
import { CreateForm, CrudTable, PanelNotices, Tabs, usePanelActions } from './crud-table';

const PARTNERS = gql`
  query StudioPartners {
    partners {
      id
      name
      enabled
      fullText
      keyPrefix
      rateLimitPerMinute
      lastPullAt
      usage(days: 30) {
        day
        requests
      }
    }
  }
`;
const CREATE_PARTNER = gql`
  mutation StudioCreatePartner($input: CreatePartnerInput!) {
    createPartner(input: $input) {
      key
      partner {
        id
      }
    }
  }
`;
const ROTATE_KEY = gql`
  mutation StudioRotatePartnerKey($input: RotatePartnerKeyInput!) {
    rotatePartnerKey(input: $input) {
      key
      partner {
        id
      }
    }
  }
`;
const WEBHOOKS = gql`
  query StudioWebhooks {
    webhookEndpoints {
      id
      url
      events
      enabled
      description
    }
  }
`;
const CREATE_WEBHOOK = gql`
  mutation StudioCreateWebhook($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      secret
      endpoint {
        id
      }
    }
  }
`;
const DELIVERIES = gql`
  query StudioDeliveries($endpointId: ID!) {
    webhookDeliveries(endpointId: $endpointId, first: 50) {
      edges {
        node {
          id
          event
          status
          attempts
          lastStatusCode
          lastError
          createdAt
        }
      }
    }
  }
`;
const REDELIVER = gql`
  mutation StudioRedeliver($input: RedeliverWebhookInput!) {
    redeliverWebhook(input: $input) {
      delivery {
        id
        status
      }
    }
  }
`;
const EVENTS = ['article.published', 'article.updated', 'article.unpublished', 'article.deleted'];

export default function SyndicationScreen({ tab = 'partners' }: { tab?: string }) {
  return (
    <section aria-labelledby="syndication-title">
      <h1 id="syndication-title">Syndication</h1>
      <Tabs
        base="/syndication"
        current={tab}
        tabs={[
          ['partners', 'Partners'],
          ['webhooks', 'Webhooks'],
        ]}
      />
      {tab === 'webhooks' ? <Webhooks /> : <Partners />}
    </section>
  );
}

function Partners() {
  const { data, error, refetch } = useQuery<any>(PARTNERS);
  const [create] = useMutation<any>(CREATE_PARTNER);
  const [rotate] = useMutation<any>(ROTATE_KEY);
  const { message, secret, reveal } = usePanelActions(refetch);
  function onCreate(fields: FormData) {
    const input = { name: String(fields.get('name')), fullText: fields.get('fullText') === 'on' };
    void reveal(() => create({ variables: { input } }).then(({ data: created }) => created.createPartner.key));
  }
  return (
    <div>
      <PanelNotices error={error} message={message} secret={{ label: 'Partner key', value: secret }} />
      <CrudTable
        caption="Partners"
        rows={data?.partners ?? []}
        columns={[
          { label: 'Name', cell: (p: any) => p.name },
          { label: 'Key starts with', cell: (p: any) => <code>{p.keyPrefix}</code> },
          { label: 'Full text', cell: (p: any) => (p.fullText ? 'yes' : 'teasers') },
          { label: 'Requests (30 days)', cell: (p: any) => p.usage.reduce((sum: number, day: any) => sum + day.requests, 0) },
          { label: 'Last pull', cell: (p: any) => formatDateTime(p.lastPullAt) },
          {
            label: 'Key',
            cell: (p: any) => (
              <button
                type="button"
                onClick={() =>
                  void reveal(() => rotate({ variables: { input: { id: p.id } } }).then(({ data: r }) => r.rotatePartnerKey.key))
                }
              >
                New key for {p.name}
              </button>
            ),
          },
        ]}
      />
      <CreateForm title="New partner" submit="Create partner" onCreate={onCreate}>
        <label>
          Partner name
          <input name="name" required />
        </label>
        <label className="inline">
          <input type="checkbox" name="fullText" /> Full text in feeds
        </label>
      </CreateForm>
    </div>
  );
}

function Webhooks() {
  const { data, error, refetch } = useQuery<any>(WEBHOOKS);
  const [create] = useMutation<any>(CREATE_WEBHOOK);
  const { message, setMessage, secret, reveal } = usePanelActions(refetch);
  const [open, setOpen] = useState<string | null>(null);
  function onCreate(fields: FormData) {
    const input = { url: String(fields.get('url')), events: EVENTS.filter((e) => fields.get(e) === 'on') };
    void reveal(() => create({ variables: { input } }).then(({ data: created }) => created.createWebhookEndpoint.secret));
  }
  return (
    <div>
      <PanelNotices error={error} message={message} secret={{ label: 'Webhook signing secret', value: secret }} />
      <CrudTable
        caption="Webhook endpoints"
        rows={data?.webhookEndpoints ?? []}
        columns={[
          { label: 'URL', cell: (w: any) => w.url },
          { label: 'Events', cell: (w: any) => w.events.join(', ') },
          { label: 'Enabled', cell: (w: any) => (w.enabled ? 'yes' : 'no') },
          {
            label: 'Deliveries',
            cell: (w: any) => (
              <button type="button" aria-expanded={open === w.id} onClick={() => setOpen(open === w.id ? null : w.id)}>
                Deliveries to {w.url}
              </button>
            ),
          },
        ]}
      />
      {open && <Deliveries endpointId={open} onMessage={setMessage} />}
      <CreateForm title="New webhook endpoint" submit="Create endpoint" onCreate={onCreate}>
        <label>
          Endpoint URL
          <input name="url" type="url" required placeholder="https://" />
        </label>
        <fieldset>
          <legend>Events</legend>
          {EVENTS.map((event) => (
            <label key={event} className="inline">
              <input type="checkbox" name={event} defaultChecked /> {event}
            </label>
          ))}
        </fieldset>
      </CreateForm>
    </div>
  );
}

function Deliveries({ endpointId, onMessage }: { endpointId: string; onMessage(message: string): void }) {
  const { data, refetch } = useQuery<any>(DELIVERIES, { variables: { endpointId }, fetchPolicy: 'network-only' });
  const [redeliver] = useMutation(REDELIVER);
  return (
    <CrudTable
      caption="Deliveries, newest first"
      rows={(data?.webhookDeliveries.edges ?? []).map((e: any) => e.node)}
      columns={[
        { label: 'Event', cell: (d: any) => d.event },
        { label: 'Status', cell: (d: any) => d.status.toLowerCase() },
        { label: 'Attempts', cell: (d: any) => d.attempts },
        { label: 'Last answer', cell: (d: any) => d.lastStatusCode ?? d.lastError ?? '—' },
        { label: 'Created', cell: (d: any) => formatDateTime(d.createdAt) },
        {
          label: 'Redeliver',
          cell: (d: any) =>
            d.status !== 'PENDING' && (
              <button
                type="button"
                onClick={() =>
                  void redeliver({ variables: { input: { deliveryId: d.id } } })
                    .then(() => refetch())
                    .catch((f) => onMessage(describeError(f)))
                }
              >
                Redeliver {d.event}
              </button>
            ),
        },
      ]}
    />
  );
}
