import { mutateArticle } from '../../utils/admin-articles.js';
import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { TestClock } from '../../utils/clock.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { createTestDatabase, type TestDatabase } from '../../utils/test-database.js';
import { waitFor } from '../../utils/wait-for.js';
import { verifySignature, WebhookReceiver } from '../../utils/webhook-receiver.js';

const CREATE = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id } } }`;
const DELIVERIES = `query($endpointId: ID!, $first: Int, $after: String) {
  webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {
    totalCount
    edges { node { id endpointId event status attempts lastStatusCode lastError deliveredAt payload } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const REDELIVER = `mutation($input: RedeliverWebhookInput!) { redeliverWebhook(input: $input) { delivery { id status } } }`;

// Loopback receivers need WEBHOOKS_ALLOW_PRIVATE_TARGETS, which also allows plain http.
// Retries become due on this clock: the tests move it past a backoff instead of waiting it out.
const clock = new TestClock();

describe('webhook delivery', () => {
  let t: TestApp;
  let admin: LoggedIn;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    t = await createTestApp({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' }, undefined, { clock });
    admin = await loginAs(t, 'ADMIN');
  });
  beforeEach(async () => {
    receiver = await WebhookReceiver.start();
  });
  afterEach(() => receiver.close());
  afterAll(() => t.close());

  async function subscribe(events: string[], url = receiver.url) {
    const { createWebhookEndpoint } = await admin.admin.data(CREATE, { input: { url, events } });
    return { id: createWebhookEndpoint.endpoint.id as string, secret: createWebhookEndpoint.secret as string };
  }

  async function publish(headline: string) {
    const draft = await mutateArticle(admin.admin, 'createArticle', {
      headline,
      body: [{ type: 'paragraph', text: 'First line.' }],
    });
    return mutateArticle(admin.admin, 'publishArticle', { id: draft.id });
  }

  const deliveryRows = (endpointId: string) =>
    t.prisma.webhookDelivery.findMany({ where: { endpointId }, orderBy: { createdAt: 'asc' } });
  const deliveryRow = (id: string) => t.prisma.webhookDelivery.findUniqueOrThrow({ where: { id } });
  const jobOf = (deliveryId: string) =>
    t.prisma.job.findFirstOrThrow({
      where: { name: 'webhook.deliver', payload: { equals: { deliveryId } } },
      orderBy: { createdAt: 'desc' },
    });

  it('POSTs a signed, idempotent delivery when an article is published', async () => {
    const endpoint = await subscribe(['article.published']);
    const article = await publish('Ceasefire talks resume');
    const [request] = await waitFor(async () => receiver.received.length > 0 && receiver.received, 8000, 'the webhook');

    expect(request!.headers).toMatchObject({ 'content-type': 'application/json', 'newsdesk-event': 'article.published' });
    const signature = verifySignature(endpoint.secret, request!.headers['newsdesk-signature'] as string, request!.rawBody);
    expect(signature.valid).toBe(true);
    expect(Math.abs(Date.now() / 1000 - signature.timestamp)).toBeLessThan(60);
    expect(verifySignature('whsec_wrong', request!.headers['newsdesk-signature'] as string, request!.rawBody).valid).toBe(false);

    const { article: live } = await t.graphql.data(
      `query($slug: String!) { article(slug: $slug) { id slug url headline teaser language dateline } }`,
      {
        slug: article.slug,
      },
    );
    const [row] = await deliveryRows(endpoint.id);
    expect(request!.headers['newsdesk-delivery']).toBe(row!.id);
    expect(request!.body).toEqual({
      id: row!.id,
      event: 'article.published',
      occurredAt: expect.any(String),
      // The article as the public API shows it (articles/public-article.ts), body included.
      data: {
        article: expect.objectContaining({
          ...live,
          type: 'NEWS',
          section: null,
          authors: [expect.objectContaining({ name: expect.any(String) })],
          tags: [],
          bodyHtml: '<p>First line.</p>',
        }),
      },
    });
    await waitFor(async () => (await deliveryRow(row!.id)).status === 'SUCCEEDED', 3000, 'the delivery to settle');
    expect(await deliveryRow(row!.id)).toMatchObject({
      attempts: 1,
      lastStatusCode: 200,
      deliveredAt: expect.any(Date),
      lastError: null,
    });
  });

  it('delivers only subscribed events to enabled endpoints; unpublishing and deletion name just the id', async () => {
    const unpublishOnly = await subscribe(['article.unpublished', 'article.deleted']);
    const disabled = await subscribe(['article.published', 'article.unpublished']);
    await admin.admin.data(
      `mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { endpoint { id } } }`,
      {
        input: { id: disabled.id, enabled: false },
      },
    );
    const article = await publish('Budget vote delayed');
    await mutateArticle(admin.admin, 'unpublishArticle', { id: article.id });
    const trashed = await publish('Minister resigns');
    await mutateArticle(admin.admin, 'trashArticle', { id: trashed.id });

    const requests = await waitFor(async () => receiver.received.length >= 2 && receiver.received, 8000, 'the webhooks');
    const byEvent = Object.fromEntries(requests.map((r) => [r.body.event, r.body.data]));
    expect(byEvent).toEqual({
      'article.unpublished': { article: { id: article.id } },
      'article.deleted': { article: { id: trashed.id } },
    });
    expect((await deliveryRows(unpublishOnly.id)).map((row) => row.event)).toEqual(['article.unpublished', 'article.deleted']);
    expect(await deliveryRows(disabled.id)).toEqual([]);
  });

  it('retries a failing receiver with backoff and delivers on the third attempt', async () => {
    const endpoint = await subscribe(['article.published']);
    receiver.respondWith(500, 503);
    await publish('Flood warnings extended');

    const [row] = await deliveryRows(endpoint.id);
    // The queue's own backoff (2 s, then 4 s, ±20%: job-backoff.ts) is passed on the clock, not
    // waited out: after each failed attempt the clock moves past the longest delay it may have.
    for (const attempt of [1, 2]) {
      await waitFor(async () => (await deliveryRow(row!.id)).attempts >= attempt, 8000, `attempt ${attempt}`);
      clock.advance(2 ** attempt * 1200 + 1000);
    }
    await waitFor(async () => (await deliveryRow(row!.id)).status === 'SUCCEEDED', 8000, 'the third attempt');
    expect(await deliveryRow(row!.id)).toMatchObject({ attempts: 3, lastStatusCode: 200, lastError: null });
    expect(receiver.received.map((r) => r.headers['newsdesk-delivery'])).toEqual([row!.id, row!.id, row!.id]);
    expect(await jobOf(row!.id)).toMatchObject({ attempts: 3, completedAt: expect.any(Date) });
  });

  it('marks a delivery FAILED after its last attempt, shows it to admins, and redelivers it', async () => {
    const endpoint = await subscribe(['article.published']);
    receiver.fallbackStatus = 500;
    await publish('Strike called off');
    const [row] = await deliveryRows(endpoint.id);
    await waitFor(async () => (await deliveryRow(row!.id)).attempts === 1, 8000, 'the first attempt');
    // Shortens the test, not the policy: the job's next run becomes its last, and due now.
    await t.prisma.job.updateMany({
      where: { id: (await jobOf(row!.id)).id, completedAt: null },
      data: { maxAttempts: 2, runAt: new Date() },
    });
    await waitFor(async () => (await deliveryRow(row!.id)).status === 'FAILED', 8000, 'the delivery to fail');

    const { webhookDeliveries } = await admin.admin.data(DELIVERIES, { endpointId: endpoint.id });
    expect(webhookDeliveries.totalCount).toBe(1);
    expect(webhookDeliveries.edges[0].node).toMatchObject({
      id: row!.id,
      endpointId: endpoint.id,
      event: 'article.published',
      status: 'FAILED',
      attempts: 2,
      lastStatusCode: 500,
      lastError: 'HTTP 500: ack',
      deliveredAt: null,
      payload: { id: row!.id, event: 'article.published' },
    });

    receiver.fallbackStatus = 200;
    const redelivered = await admin.admin.data(REDELIVER, { input: { deliveryId: row!.id } });
    expect(redelivered.redeliverWebhook.delivery).toEqual({ id: row!.id, status: 'PENDING' });
    await waitFor(async () => (await deliveryRow(row!.id)).status === 'SUCCEEDED', 8000, 'the redelivery');
    const last = receiver.received.at(-1)!;
    expect(last.headers['newsdesk-delivery']).toBe(row!.id);
    expect(verifySignature(endpoint.secret, last.headers['newsdesk-signature'] as string, last.rawBody).valid).toBe(true);
    expect(await deliveryRow(row!.id)).toMatchObject({ attempts: 3, lastStatusCode: 200 });
    expect(await t.prisma.auditEntry.count({ where: { action: 'webhook_delivery.redelivered', entityId: row!.id } })).toBe(1);
  });

  it('pages through deliveries, newest first', async () => {
    const endpoint = await subscribe(['article.published']);
    for (const headline of ['One', 'Two', 'Three']) await publish(`Paging ${headline}`);
    await waitFor(async () => receiver.received.length === 3, 8000, 'three deliveries');
    const first = await admin.admin.data(DELIVERIES, { endpointId: endpoint.id, first: 2 });
    expect(first.webhookDeliveries).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const second = await admin.admin.data(DELIVERIES, {
      endpointId: endpoint.id,
      first: 2,
      after: first.webhookDeliveries.pageInfo.endCursor,
    });
    const headlines = [...first.webhookDeliveries.edges, ...second.webhookDeliveries.edges].map(
      (e: any) => e.node.payload.data.article.headline,
    );
    expect(headlines).toEqual(['Paging Three', 'Paging Two', 'Paging One']);
    expect(second.webhookDeliveries.pageInfo.hasNextPage).toBe(false);
  });
});

// Deliveries live in PostgreSQL (a row and a job), so one written while no process runs jobs is sent
// by whichever process runs them next. Apps run one after the other, so this works on embedded PGlite.
describe('webhook delivery across a restart', () => {
  let database: TestDatabase;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    database = await createTestDatabase();
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await receiver.close();
    await database.drop();
  });

  it('sends a delivery that was written before the restart', async () => {
    const env = { WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' };
    // The first process serves the admin API but runs no jobs, as an API-only instance with its worker down.
    const first = await createTestApp({ ...env, JOBS_ENABLED: 'false' }, database);
    let secret: string;
    let deliveryId: string;
    try {
      const admin = await loginAs(first, 'ADMIN');
      const created = await admin.admin.data(
        `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }`,
        { input: { url: receiver.url, events: ['article.published'] } },
      );
      secret = created.createWebhookEndpoint.secret;
      const draft = await mutateArticle(admin.admin, 'createArticle', { headline: 'Overnight results' });
      await mutateArticle(admin.admin, 'publishArticle', { id: draft.id });
      const delivery = await first.prisma.webhookDelivery.findFirstOrThrow();
      expect(delivery).toMatchObject({ status: 'PENDING', attempts: 0 });
      deliveryId = delivery.id;
      // A pending delivery still has its job: redelivering it would race that job.
      const redeliver = await admin.admin.post(
        `mutation($input: RedeliverWebhookInput!) { redeliverWebhook(input: $input) { delivery { id } } }`,
        { input: { deliveryId } },
      );
      expect(redeliver.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(await first.prisma.job.count({ where: { name: 'webhook.deliver' } })).toBe(1);
    } finally {
      await first.close();
    }
    expect(receiver.received).toEqual([]);

    const second = await createTestApp(env, database);
    try {
      const [request] = await waitFor(async () => receiver.received.length > 0 && receiver.received, 8000, 'the delivery');
      expect(request!.headers['newsdesk-delivery']).toBe(deliveryId);
      expect(request!.body).toMatchObject({
        id: deliveryId,
        event: 'article.published',
        data: { article: { headline: 'Overnight results' } },
      });
      expect(verifySignature(secret, request!.headers['newsdesk-signature'] as string, request!.rawBody).valid).toBe(true);
      await waitFor(
        async () => (await second.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).status === 'SUCCEEDED',
        3000,
        'the delivery to settle',
      );
    } finally {
      await second.close();
    }
  });
});
