import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { loginAs } from '../../utils/auth.js';
import { onPostgres } from '../../utils/on-postgres.js';
import { createPartner } from '../../utils/syndication.js';
import { createTestDatabase, type TestDatabase } from '../../utils/test-database.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SUBSCRIBE = 'mutation ($email: String!) { subscribeToNewsletter(input: { email: $email }) { ok } }';

// Two app instances behind one load balancer (TRUST_PROXY=1, the balancer's X-Forwarded-For) on one
// database: the partner and newsletter limits are one window for both, in PostgreSQL or in Redis.
onPostgres(describe, 'two app instances sharing rate limits')('rate limits shared by two instances', () => {
  for (const store of ['postgres', 'redis'] as const) {
    describe(`counted in ${store}`, () => {
      let database: TestDatabase;
      let a: TestApp;
      let b: TestApp;

      beforeAll(async () => {
        database = await createTestDatabase();
        const env: Record<string, string> = { TRUST_PROXY: '1', NEWSLETTER_SIGNUPS_PER_HOUR: '2' };
        if (store === 'redis') Object.assign(env, { REDIS_URL, REDIS_KEY_PREFIX: `test-${randomUUID()}:` });
        a = await createTestApp(env, database);
        b = await createTestApp(env, database);
      });
      afterAll(async () => {
        await a?.close();
        await b?.close();
        await database?.drop();
      });

      it('lets a partner pull its per-minute limit in all, whichever instance answers', async () => {
        const { key } = await createPartner(await loginAs(a, 'ADMIN'), { name: 'Shared', rateLimitPerMinute: 4 });
        const pull = (t: TestApp) => fetch(`${t.baseUrl}/feeds/rss.xml`, { headers: { 'x-partner-key': key } });
        const statuses = [];
        for (const t of [a, b, a, b, a, b]) statuses.push((await pull(t)).status);
        expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
        const refused = await pull(a);
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
        if (store === 'postgres') expect(await a.prisma.rateLimit.count()).toBeGreaterThan(0);
      });

      it('counts newsletter signups per reader address across instances, not per balancer', async () => {
        const from = (ip: string) => ({ 'x-forwarded-for': ip });
        const signup = (t: TestApp, ip: string, email: string) =>
          t.graphql.post(SUBSCRIBE, { email }, from(ip)).then((response) => response.body.errors?.[0]?.extensions?.code ?? 'OK');
        const reader = `198.51.100.${store === 'redis' ? 7 : 8}`;
        expect(await signup(a, reader, 'one@example.com')).toBe('OK');
        expect(await signup(b, reader, 'two@example.com')).toBe('OK');
        expect(await signup(a, reader, 'three@example.com')).toBe('RATE_LIMITED');
        expect(await signup(b, reader, 'four@example.com')).toBe('RATE_LIMITED');
        // Another reader behind the same balancer has a window of its own.
        expect(await signup(b, '203.0.113.9', 'five@example.com')).toBe('OK');
        // And the address's own limit holds across instances and readers too.
        expect(await signup(a, '203.0.113.10', 'five@example.com')).toBe('OK');
        expect(await signup(b, '203.0.113.11', 'five@example.com')).toBe('RATE_LIMITED');
        // A refusal for the address took nothing from the reader's own allowance.
        expect(await signup(a, '203.0.113.11', 'six@example.com')).toBe('OK');
      });
    });
  }
});
