import { z } from 'zod';
import { JobQueueService } from '../../../src/jobs/job-queue.service.js';
import { JobRegistry } from '../../../src/jobs/job-registry.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { waitFor } from '../../utils/wait-for.js';
import { WebhookReceiver } from '../../utils/webhook-receiver.js';

/** Every sample of a scrape, by its full series name: 'name{label="value",...}'. */
async function samples(t: TestApp): Promise<Map<string, number>> {
  const text = await (await fetch(`${t.baseUrl}/metrics`)).text();
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^(newsdesk_\S+)\s+(\S+)$/.exec(line);
    if (match) values.set(match[1]!, Number(match[2]));
  }
  return values;
}

describe('/metrics', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    t = await createTestApp({ METRICS_ENABLED: 'true', RESPONSE_CACHE: 'memory', WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' });
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  async function scrape(): Promise<Record<string, number>> {
    const text = await (await fetch(`${t.baseUrl}/metrics`)).text();
    const values: Record<string, number> = {};
    for (const line of text.split('\n')) {
      const match = /^(newsdesk_(?:sql_statements_total|response_cache_lookups_total\{result="(?:hit|miss)"\}))\s+(\d+)/.exec(
        line,
      );
      if (match) values[match[1]!] = Number(match[2]);
    }
    return values;
  }

  it('counts SQL statements and cache hits and misses, in Prometheus format', async () => {
    const before = await scrape();
    for (let i = 0; i < 3; i += 1) await t.graphql.get({ query: '{ latestArticles(first: 3) { headline } }' });
    const after = await scrape();
    expect(after['newsdesk_sql_statements_total']!).toBeGreaterThan(before['newsdesk_sql_statements_total'] ?? 0);
    expect(
      after['newsdesk_response_cache_lookups_total{result="miss"}']! -
        (before['newsdesk_response_cache_lookups_total{result="miss"}'] ?? 0),
    ).toBe(1);
    expect(
      after['newsdesk_response_cache_lookups_total{result="hit"}']! -
        (before['newsdesk_response_cache_lookups_total{result="hit"}'] ?? 0),
    ).toBe(2);
  });

  it('counts HTTP requests by method, route pattern and status, with a duration histogram', async () => {
    await t.graphql.post('{ __typename }');
    await fetch(`${t.baseUrl}/health`);
    await fetch(`${t.baseUrl}/no/such/page-${Date.now()}`);
    await fetch(`${t.baseUrl}/feeds/tags/no-such-tag/rss.xml`);
    const after = await samples(t);
    expect(after.get('newsdesk_http_requests_total{method="POST",route="/graphql",status="200"}')).toBeGreaterThanOrEqual(1);
    expect(after.get('newsdesk_http_requests_total{method="GET",route="/health",status="200"}')).toBeGreaterThanOrEqual(1);
    expect(after.get('newsdesk_http_requests_total{method="GET",route="(unmatched)",status="404"}')).toBeGreaterThanOrEqual(1);
    // A route with a parameter is labelled by its pattern, never by the path a client sent.
    const feedRoutes = [...after.keys()].filter(
      (key) => key.startsWith('newsdesk_http_requests_total') && key.includes('/feeds/'),
    );
    expect(feedRoutes.some((key) => key.includes('no-such-tag'))).toBe(false);
    expect(feedRoutes.length).toBeGreaterThan(0);
    expect(
      after.get('newsdesk_http_request_duration_seconds_count{method="POST",route="/graphql",status="200"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(after.has('newsdesk_http_request_duration_seconds_bucket{le="0.1",method="POST",route="/graphql",status="200"}')).toBe(
      true,
    );
  });

  it('counts GraphQL operations by name and result, their errors by code, and their duration', async () => {
    await t.graphql.post('query Latest { latestArticles(first: 1) { id } }');
    await t.graphql.post('query Broken { noSuchField }');
    const after = await samples(t);
    expect(after.get('newsdesk_graphql_operations_total{endpoint="public",operation="Latest",type="query",result="ok"}')).toBe(1);
    expect(
      after.get('newsdesk_graphql_operation_duration_seconds_count{endpoint="public",operation="Latest",type="query"}'),
    ).toBe(1);
    const brokenErrors = [...after].filter(
      ([key]) => key.startsWith('newsdesk_graphql_errors_total') && key.includes('"Broken"'),
    );
    expect(brokenErrors).toEqual([
      ['newsdesk_graphql_errors_total{endpoint="public",operation="Broken",type="query",code="GRAPHQL_VALIDATION_FAILED"}', 1],
    ]);
  });

  it('reports the job queue: pending and due jobs, the oldest wait, and failures', async () => {
    const fail = z.object({});
    t.app.get(JobRegistry).register({ name: 'test.metrics-fails', schema: fail, handle: () => Promise.reject(new Error('no')) });
    const queue = t.app.get(JobQueueService);
    const failing = await t.prisma.$transaction((tx) =>
      queue.enqueue(tx, { name: 'test.metrics-fails', payload: {}, maxAttempts: 1 }),
    );
    // No handler runs this name here: it stays due, waiting since two minutes ago.
    await t.prisma.job.create({ data: { name: 'test.metrics-waits', runAt: new Date(Date.now() - 120_000) } });
    await waitFor(async () => (await t.prisma.job.findUnique({ where: { id: failing } }))?.failedAt, 10_000, 'the failing job');
    const after = await samples(t);
    expect(after.get('newsdesk_jobs_pending{name="test.metrics-waits",state="due"}')).toBe(1);
    expect(after.get('newsdesk_jobs_oldest_due_age_seconds{name="test.metrics-waits"}')).toBeGreaterThanOrEqual(120);
    expect(after.get('newsdesk_job_failures_total{name="test.metrics-fails",final="true"}')).toBe(1);
    expect(after.has('newsdesk_jobs_pending{name="test.metrics-fails",state="due"}')).toBe(false);
  });

  it('counts webhook deliveries by event and outcome', async () => {
    const endpoint = await t.prisma.webhookEndpoint.create({
      data: { url: receiver.url, secret: 'secret', events: ['article.published'] },
    });
    const off = await t.prisma.webhookEndpoint.create({
      data: { url: receiver.url, secret: 'secret', events: [], enabled: false },
    });
    const queue = t.app.get(JobQueueService);
    const ids: string[] = [];
    for (const endpointId of [endpoint.id, off.id]) {
      const delivery = await t.prisma.webhookDelivery.create({
        data: { endpointId, event: 'article.published', payload: { id: 'x' } },
      });
      ids.push(
        await t.prisma.$transaction((tx) => queue.enqueue(tx, { name: 'webhook.deliver', payload: { deliveryId: delivery.id } })),
      );
    }
    await waitFor(
      async () => (await t.prisma.job.count({ where: { id: { in: ids }, completedAt: { not: null } } })) === 2,
      10_000,
      'deliveries',
    );
    const after = await samples(t);
    expect(after.get('newsdesk_webhook_deliveries_total{event="article.published",outcome="delivered"}')).toBe(1);
    expect(after.get('newsdesk_webhook_deliveries_total{event="article.published",outcome="dropped"}')).toBe(1);
  });

  it('is not served unless enabled', async () => {
    const plain = await createTestApp({}, t.database);
    try {
      expect((await fetch(`${plain.baseUrl}/metrics`)).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
