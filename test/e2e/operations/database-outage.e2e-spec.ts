import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { captureLogs } from '../../utils/log-capture.js';
import { onPostgres } from '../../utils/on-postgres.js';
import { TcpProxy } from '../../utils/tcp-proxy.js';
import { createTestDatabase, type TestDatabase } from '../../utils/test-database.js';
import { waitFor } from '../../utils/wait-for.js';

const LOOPS = ['Job runner', 'Cache purge listener', 'Readiness check'];

// The database goes away under a running app (a proxy in front of PostgreSQL cuts every connection
// and refuses new ones), then comes back. Each loop that talks to it logs the outage once, with
// the reason on one line, retries with backoff, and logs the recovery once.
onPostgres(describe, 'an unreachable database (a server that can go away)')('an unreachable database', () => {
  const logs = captureLogs('info');
  let database: TestDatabase;
  let proxy: TcpProxy;
  let t: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    const url = new URL(database.url);
    proxy = await TcpProxy.start({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${proxy.port}`;
    // Retries at most every half second (production: 30 s), so a dozen attempts and the recovery take seconds.
    t = await createTestApp(
      { JOBS_POLL_INTERVAL_MS: '100', DATABASE_RETRY_MAX_MS: '500' },
      { ...database, url: url.toString() },
      { logger: logs.logger },
    );
  });
  afterAll(async () => {
    await t?.close();
    await proxy?.stop();
    await database?.drop();
  });

  const ready = () => fetch(`${t.baseUrl}/health/ready`).then((response) => response.status);
  const linesAbout = (text: string) => logs.entries().filter((entry) => entry.msg.includes(text));

  it('logs one line when it goes down and one when it is back, with no stack trace meanwhile', async () => {
    expect(await ready()).toBe(200);
    await waitFor(async () => logs.entries().length > 0, 5000, 'the first log lines');
    const before = logs.entries().length;
    proxy.down();
    for (let probe = 0; probe < 3; probe++) expect(await ready()).toBe(503);
    // Every loop has retried several times by now; nothing more is logged for those retries.
    await waitFor(async () => proxy.attemptsWhileDown >= 12, 30_000, 'a dozen reconnection attempts');
    const during = logs.entries().slice(before);
    for (const loop of LOOPS) {
      expect(linesAbout(`${loop}: database unavailable`).map((entry) => entry.level)).toEqual([50]);
    }
    expect(during.filter((entry) => JSON.stringify(entry).includes('    at '))).toEqual([]);
    expect(during.length).toBeLessThan(12);

    proxy.restore();
    expect(await ready()).toBe(200);
    for (const loop of LOOPS) {
      await waitFor(async () => linesAbout(`${loop}: database reachable again`).length > 0, 60_000, `${loop} recovery`);
    }
    for (const loop of LOOPS) expect(linesAbout(`${loop}: database reachable again`)).toHaveLength(1);
  }, 120_000);
});
