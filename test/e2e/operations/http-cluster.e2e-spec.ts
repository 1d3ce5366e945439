import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get, type ClientRequest } from 'node:http';
import { freePort } from '../../utils/free-port.js';
import { onPostgres } from '../../utils/on-postgres.js';
import { createTestDatabase, type TestDatabase } from '../../utils/test-database.js';
import { waitFor } from '../../utils/wait-for.js';

// WEB_CONCURRENCY=2: the real entry point forks two workers on one port (node:cluster). What must
// hold: both serve, a scrape of /metrics counts the requests of both, a worker that dies is replaced
// while the other serves, a start that fails everywhere stops the process rather than looping, and
// SIGTERM stops all of it with status 0. Several processes need a PostgreSQL server (the embedded
// database serves one process, and the configuration refuses it).
const describeOnServer = onPostgres(describe, 'WEB_CONCURRENCY cluster');

const APP_SECRET = 'cluster-test-secret-0123456789-0123456789';

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'src/main.ts'], {
    env: { PATH: process.env.PATH, NODE_ENV: 'test', HOST: '127.0.0.1', JOBS_ENABLED: 'false', ...env },
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** A GET on a connection of its own, so the cluster may hand each request to another worker. */
function getOnNewConnection(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    // A connection handed to a worker in the instant it dies is lost: fail rather than hang.
    get(url, { agent: false, timeout: 10_000 }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode!, body }));
    })
      .on('timeout', function (this: ClientRequest) {
        this.destroy(new Error(`GET ${url}: no answer within 10 s`));
      })
      .on('error', reject);
  });
}

/** The pids of a process's children (the workers of a cluster primary), from /proc. */
function childrenOf(pid: number): number[] {
  const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  return text ? text.split(/\s+/).map(Number) : [];
}

// Which workers wrote a request line; the last line may still be arriving.
const workersOfLog = (output: string) =>
  new Set(
    output
      .split('\n')
      .filter((line) => line.includes('"request completed"') && line.endsWith('}'))
      .map((line) => (JSON.parse(line) as { worker?: number }).worker),
  );

describeOnServer('WEB_CONCURRENCY=2', () => {
  let database: TestDatabase;
  let app: Started;
  let baseUrl: string;
  // Health checks are not in the request log; GraphQL reads are, with the worker that answered.
  const GRAPHQL = () => `${baseUrl}/graphql?query=${encodeURIComponent('{ sections { slug } }')}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    app = start({
      PORT: String(port),
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '2',
      APP_SECRET,
      WEB_CONCURRENCY: '2',
      METRICS_ENABLED: 'true',
      LOG_LEVEL: 'info',
    });
    await waitFor(async () => app.output().includes('(2 workers)'), 90_000, `the cluster to start:\n${app.output()}`);
  }, 120_000);
  // A wait that times out says what the processes wrote, not only what it waited for.
  const showingLog = <T>(wait: Promise<T>) =>
    wait.catch((error: Error) => {
      throw new Error(`${error.message}\n--- the app's output, last 4,000 characters ---\n${app.output().slice(-4000)}`);
    });
  afterAll(async () => {
    if (app && app.child.exitCode === null) {
      app.child.kill('SIGKILL');
      await app.exited;
    }
    await database?.drop();
  });

  it('serves from both workers, and /metrics counts the requests of both', async () => {
    for (let index = 0; index < 12; index++) {
      const response = await getOnNewConnection(GRAPHQL());
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toEqual({ data: { sections: [] } });
    }
    await waitFor(async () => workersOfLog(app.output()).size === 2, 5000, 'request lines from both workers');
    expect(workersOfLog(app.output())).toEqual(new Set([1, 2]));

    const scrape = await getOnNewConnection(`${baseUrl}/metrics`);
    expect(scrape.status).toBe(200);
    // Twelve GETs of /graphql, whichever worker answered each: the sum, not one worker's share.
    expect(scrape.body).toMatch(/^newsdesk_http_requests_total\{method="GET",route="\/graphql",status="200"\} 12$/m);
  });

  it('replaces a worker that dies, while the other keeps serving', async () => {
    const [victim, survivor] = childrenOf(app.child.pid!);
    expect(survivor).toBeDefined();
    process.kill(victim!, 'SIGKILL');
    await showingLog(
      waitFor(async () => app.output().includes('A worker stopped; starting another'), 5000, 'the crash to be logged'),
    );
    // Once the primary knows, new connections go to the survivor until the replacement listens.
    expect((await getOnNewConnection(`${baseUrl}/health/ready`)).status).toBe(200);
    const replaced = await showingLog(
      waitFor(
        async () => {
          const now = childrenOf(app.child.pid!);
          return now.length === 2 && !now.includes(victim!) ? now : undefined;
        },
        60_000,
        'a replacement worker',
      ),
    );
    expect(replaced).toContain(survivor);
    // The replacement serves too: a run of new connections reaches it (worker 3 in the request log).
    await showingLog(
      waitFor(
        async () => {
          await getOnNewConnection(GRAPHQL());
          return workersOfLog(app.output()).has(3);
        },
        60_000,
        'a request answered by the replacement',
      ),
    );
  }, 150_000);

  it('stops every worker on SIGTERM and exits 0', async () => {
    const workers = childrenOf(app.child.pid!);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  }, 60_000);
});

describeOnServer('WEB_CONCURRENCY=2 whose workers cannot start', () => {
  it('stops with status 1 instead of forking again and again', async () => {
    const app = start({
      PORT: String(await freePort()),
      // A server that refuses connections, and no waiting for it to come up.
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${await freePort()}/newsdesk`,
      DATABASE_RETRY_MAX_MS: '100',
      APP_SECRET,
      WEB_CONCURRENCY: '2',
    });
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain('A worker failed to start; stopping');
    expect(app.output()).not.toContain('starting another');
  }, 90_000);
});
