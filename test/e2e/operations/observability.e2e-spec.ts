// What operators watch: /metrics, /health, the logs and the traces. Each describe boots the
// configuration it needs; they share a file to share its start-up cost (issue 12 §5).
import { z } from 'zod';
import { JobQueueService } from '../../../src/jobs/job-queue.service.js';
import { JobRegistry } from '../../../src/jobs/job-registry.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { waitFor } from '../../utils/wait-for.js';
import { WebhookReceiver } from '../../utils/webhook-receiver.js';
import { createTestDatabase, type TestDatabase } from '../../utils/test-database.js';
import { mutateArticle } from '../../utils/admin-articles.js';
import { loginAs, TEST_PASSWORD } from '../../utils/auth.js';
import { captureLogs } from '../../utils/log-capture.js';
import { LOGIN, REFRESH } from '../../utils/sessions.js';
import { SmtpTestServer } from '../../utils/smtp-test-server.js';
import { createPartner } from '../../utils/syndication.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../utils/free-port.js';
import { OtlpReceiver } from '../../utils/otlp-receiver.js';

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
});

describe('health endpoints', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({}, await createTestDatabase());
  });
  afterAll(() => t.app.close());

  // An app on the default settings, so the metrics endpoint's opt-in is checked here, not on an app
  // booted for it alone.
  it('does not serve /metrics unless enabled', async () => {
    expect((await fetch(`${t.baseUrl}/metrics`)).status).toBe(404);
  });

  it('reports alive and ready while the database answers', async () => {
    const alive = await fetch(`${t.baseUrl}/health`);
    expect(alive.status).toBe(200);
    expect(await alive.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${t.baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('stays alive but reports not ready once the database is gone', async () => {
    await t.database.drop();
    const ready = await fetch(`${t.baseUrl}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', database: 'down' });
    expect((await fetch(`${t.baseUrl}/health`)).status).toBe(200);
  });
});

// Logs are shipped to other systems and kept: each kind of credential a client may send is sent here,
// then the whole log output, at trace level, is searched for it.
describe('no secret in any log', () => {
  const logs = captureLogs('trace');
  let t: TestApp;
  let smtp: SmtpTestServer;

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    t = await createTestApp({ SMTP_URL: smtp.smtpUrl, LOG_LEVEL: 'trace' }, undefined, { logger: logs.logger });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('redacts partner keys, preview and newsletter tokens, passwords, bearer tokens and cookies', async () => {
    const secrets: Record<string, string> = {};
    const admin = await loginAs(t, 'ADMIN');
    secrets.accessToken = admin.accessToken;

    const partner = await createPartner(admin, { name: 'Logged partner' });
    secrets.partnerKey = partner.key;
    expect((await fetch(`${t.baseUrl}/feeds/rss.xml?key=${partner.key}`)).status).toBe(200);
    expect((await fetch(`${t.baseUrl}/syndication/changes`, { headers: { 'x-partner-key': partner.key } })).status).toBe(200);

    const draft = await mutateArticle(admin.admin, 'createArticle', { headline: 'Embargoed draft' });
    const { createPreviewToken } = await admin.admin.data(
      'mutation($input: CreatePreviewTokenInput!) { createPreviewToken(input: $input) { token } }',
      { input: { id: draft.id, expiresInSeconds: 600 } },
    );
    secrets.previewToken = createPreviewToken.token;
    const literal = await t.graphql.get({
      query: `{ article(slug: "${draft.slug}", previewToken: "${secrets.previewToken}") { headline } }`,
    });
    expect(literal.body.data).toEqual({ article: { headline: 'Embargoed draft' } });
    const viaVariables = await t.graphql.get({
      query: 'query($s: String!, $p: String) { article(slug: $s, previewToken: $p) { headline } }',
      variables: { s: draft.slug, p: secrets.previewToken },
    });
    expect(viaVariables.body.data).toEqual({ article: { headline: 'Embargoed draft' } });

    await t.graphql.post('mutation { subscribeToNewsletter(input: { email: "logged@example.com" }) { ok } }');
    const mail = await smtp.waitForMail('logged@example.com');
    const confirm = /\/newsletter\/confirm\?token=([\w.%-]+)/.exec(mail.text!)!;
    const unsubscribe = /\/newsletter\/unsubscribe\?token=([\w.%-]+)/.exec(mail.text!)!;
    secrets.confirmToken = decodeURIComponent(confirm[1]!);
    secrets.unsubscribeToken = decodeURIComponent(unsubscribe[1]!);
    expect((await fetch(`${t.baseUrl}${confirm[0]}`)).status).toBe(200);
    expect((await fetch(`${t.baseUrl}${unsubscribe[0]}`)).status).toBe(200);

    const login = await t.admin.post(LOGIN, { input: { email: admin.user.email, password: TEST_PASSWORD } });
    secrets.password = TEST_PASSWORD;
    secrets.refreshToken = login.body.data!.login.refreshToken;
    await t.admin.post(REFRESH, { input: { refreshToken: secrets.refreshToken } });
    secrets.cookie = 'newsdesk_session=cookie-secret-0123456789';
    await fetch(`${t.baseUrl}/graphql?query=%7B__typename%7D`, { headers: { cookie: secrets.cookie } });

    // Request lines are written when responses finish; the last request's line proves all are in.
    await waitFor(async () => logs.text().includes('__typename'), 5000, 'the last request line');
    const output = logs.text();
    for (const [kind, secret] of Object.entries(secrets)) {
      expect({ kind, leaked: output.includes(secret) }).toEqual({ kind, leaked: false });
    }
    expect(output).not.toContain('cookie-secret');
    // The lines are there, with their secrets blanked out.
    const urls = logs.entries().map((entry) => (entry.req as { url?: string } | undefined)?.url ?? '');
    expect(urls).toContain('/feeds/rss.xml?key=[REDACTED]');
    expect(urls.some((url) => url.startsWith('/newsletter/confirm?token=[REDACTED]'))).toBe(true);
    expect(urls.some((url) => decodeURIComponent(url).includes('previewToken: "[REDACTED]"'))).toBe(true);
  });

  it("logs Nest's per-module and per-route boot lines at debug, not info", () => {
    const boot = logs.entries().filter((entry) => entry.context === 'InstanceLoader' || entry.context === 'RouterExplorer');
    expect(boot.length).toBeGreaterThan(10);
    expect(new Set(boot.map((entry) => entry.level))).toEqual(new Set([20]));
  });
});

// Instrumentation hooks module loading, which Jest's module sandbox does not go through: the real
// entry point runs in a child process, sending its spans to a collector this test stands in for.
describe('OpenTelemetry traces (OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  let database: TestDatabase;
  let receiver: OtlpReceiver;
  let child: ChildProcess;
  let baseUrl: string;
  let output = '';

  beforeAll(async () => {
    database = await createTestDatabase();
    receiver = await OtlpReceiver.start();
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'src/main.ts'], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: database.url,
        DATABASE_POOL_SIZE: String(database.poolSize),
        APP_SECRET: 'test-secret-test-secret-test-secret-0123456789',
        JOBS_ENABLED: 'false',
        RESPONSE_CACHE: 'off',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_SERVICE_NAME: 'newsdesk-test',
        // Export at once instead of every 5 s.
        OTEL_BSP_SCHEDULE_DELAY: '100',
      },
    });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(async () => output.includes('Newsdesk is ready'), 90_000, `the app to start:\n${output}`);
  }, 120_000);
  afterAll(async () => {
    child?.kill('SIGTERM');
    if (child && child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    await receiver?.close();
    await database?.drop();
  });

  it('sends one trace per GraphQL request: the HTTP request, the GraphQL operation and its SQL', async () => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query TracedLatest { latestArticles(first: 2) { id headline } }' }),
    });
    expect(response.status).toBe(200);
    const operation = await waitFor(
      async () => receiver.spans.find((span) => span.attributes['graphql.operation.name'] === 'TracedLatest'),
      30_000,
      'a span of the GraphQL operation',
    );
    expect(operation.name).toMatch(/query TracedLatest|graphql/);
    const trace = () => receiver.spans.filter((span) => span.traceId === operation.traceId);
    await waitFor(
      async () =>
        trace().some(
          (span) => span.attributes['db.system'] === 'postgresql' || span.attributes['db.system.name'] === 'postgresql',
        ),
      30_000,
      'a SQL span in the same trace',
    );
    const server = trace().find((span) => span.kind === 2);
    expect(server?.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.route': '/graphql' });
  }, 60_000);

  it('records no secret from a query string', async () => {
    const query = '{ article(slug: "x", previewToken: "trace-secret-token") { id } }';
    await fetch(`${baseUrl}/graphql?query=${encodeURIComponent(query)}`);
    const span = await waitFor(
      async () => receiver.spans.find((candidate) => String(candidate.attributes['url.query'] ?? '').includes('REDACTED')),
      30_000,
      'the GET request span',
    );
    expect(JSON.stringify(receiver.spans)).not.toContain('trace-secret-token');
    expect(span.attributes['url.query']).toContain('query=');
  }, 60_000);
});
