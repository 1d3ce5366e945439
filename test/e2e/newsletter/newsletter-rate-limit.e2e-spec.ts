import { request } from 'node:http';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

const SUBSCRIBE = 'mutation ($email: String!) { subscribeToNewsletter(input: { email: $email }) { ok message } }';

// Loopback is all of 127.0.0.0/8 on Linux, so binding the client to 127.0.0.x gives each "visitor"
// its own IP without a proxy header the app rightly does not trust.
function subscribeFrom(
  t: TestApp,
  ip: string,
  email: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: any }> {
  const url = new URL(`${t.baseUrl}/graphql`);
  const payload = JSON.stringify({ query: SUBSCRIBE, variables: { email } });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: ip,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject).end(payload);
  });
}

describe('newsletter signup rate limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ NEWSLETTER_SIGNUPS_PER_HOUR: '2' });
  });
  afterAll(() => t?.close());

  const code = (response: { body: any }) => response.body.errors?.[0]?.extensions?.code ?? 'OK';

  it('limits signups per IP, whatever the addresses', async () => {
    expect(code(await subscribeFrom(t, '127.0.0.11', 'ip-one@example.com'))).toBe('OK');
    expect(code(await subscribeFrom(t, '127.0.0.11', 'ip-two@example.com'))).toBe('OK');
    const refused = await subscribeFrom(t, '127.0.0.11', 'ip-three@example.com');
    expect(code(refused)).toBe('RATE_LIMITED');
    expect(refused.body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(await t.prisma.newsletterSubscriber.count({ where: { email: 'ip-three@example.com' } })).toBe(0);
    // Another visitor is not affected.
    expect(code(await subscribeFrom(t, '127.0.0.12', 'ip-three@example.com'))).toBe('OK');
  });

  it('limits signups per address, whatever the IPs, so nobody can mail-bomb it', async () => {
    expect(code(await subscribeFrom(t, '127.0.0.21', 'target@example.com'))).toBe('OK');
    expect(code(await subscribeFrom(t, '127.0.0.22', 'TARGET@example.com'))).toBe('OK');
    const jobsBefore = await t.prisma.job.count({ where: { name: 'newsletter.send-confirmation' } });
    expect(code(await subscribeFrom(t, '127.0.0.23', 'target@example.com'))).toBe('RATE_LIMITED');
    expect(await t.prisma.job.count({ where: { name: 'newsletter.send-confirmation' } })).toBe(jobsBefore);
    expect(await t.prisma.newsletterSubscriber.count({ where: { email: 'target@example.com' } })).toBe(1);
  });

  it('never lets a signup response be cached', async () => {
    const response = await subscribeFrom(t, '127.0.0.31', 'cache@example.com');
    expect(code(response)).toBe('OK');
    expect(String(response.headers['cache-control'] ?? '')).not.toMatch(/public|max-age=[1-9]/);
  });
});
