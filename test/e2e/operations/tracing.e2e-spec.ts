import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { OtlpReceiver } from '../../utils/otlp-receiver.js';
import { createTestDatabase, type TestDatabase } from '../../utils/test-database.js';
import { waitFor } from '../../utils/wait-for.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

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
