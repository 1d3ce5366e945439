import { TEST_PASSWORD, createUser } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { LOGIN, errorOf, postFrom } from '../../utils/sessions.js';

const WRONG = 'not the password at all';

// Three failed logins per account or per IP within the window. Each test speaks from loopback
// addresses of its own (127.0.0.0/8 all reaches the server), so the tests count separately.
describe('login rate limiting', () => {
  let t: TestApp;
  const login = (ip: string, email: string, password: string) =>
    postFrom(t.admin.endpoint, ip, LOGIN, { input: { email, password } });

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_ATTEMPTS: '3', LOGIN_WINDOW_SECONDS: '600' });
  });
  afterAll(() => t.close());

  it('locks an account after 3 failures, from any IP, and tells when to retry', async () => {
    const user = await createUser(t, 'EDITOR');
    for (const ip of ['127.0.1.1', '127.0.1.2', '127.0.1.3']) {
      expect(errorOf(await login(ip, user.email, WRONG)).code).toBe('UNAUTHENTICATED');
    }
    const refused = await login('127.0.1.4', user.email, TEST_PASSWORD);
    expect(errorOf(refused).code).toBe('RATE_LIMITED');
    expect(errorOf(refused).extensions.retryAfterSeconds).toBeGreaterThan(590);
    expect(errorOf(refused).extensions.retryAfterSeconds).toBeLessThanOrEqual(600);
    // Refusals are not recorded, so retrying does not push the lock further out.
    expect(await t.prisma.loginAttempt.count({ where: { email: user.email } })).toBe(3);
    // The IP is not limited: another account logs in from it.
    const other = await createUser(t, 'EDITOR');
    expect((await login('127.0.1.4', other.email, TEST_PASSWORD)).body.data?.login.user.id).toBe(other.id);
  });

  it('locks an IP after 3 failures across accounts, known or not', async () => {
    const user = await createUser(t, 'AUTHOR');
    for (const email of ['ghost-1@newsroom.test', 'ghost-2@newsroom.test', user.email]) {
      expect(errorOf(await login('127.0.2.1', email, WRONG)).code).toBe('UNAUTHENTICATED');
    }
    const fresh = await createUser(t, 'AUTHOR');
    expect(errorOf(await login('127.0.2.1', fresh.email, TEST_PASSWORD)).code).toBe('RATE_LIMITED');
    // The account itself has failures left: from another address it logs in.
    expect((await login('127.0.2.2', user.email, TEST_PASSWORD)).body.data?.login.user.id).toBe(user.id);
  });

  it('lifts the lock once the failures leave the window', async () => {
    const user = await createUser(t, 'EDITOR');
    for (let attempt = 0; attempt < 3; attempt++) await login('127.0.3.1', user.email, WRONG);
    expect(errorOf(await login('127.0.3.2', user.email, TEST_PASSWORD)).code).toBe('RATE_LIMITED');
    await t.prisma.loginAttempt.updateMany({ where: { email: user.email }, data: { createdAt: new Date(Date.now() - 601_000) } });
    expect((await login('127.0.3.2', user.email, TEST_PASSWORD)).body.data?.login.user.id).toBe(user.id);
  });

  it("restarts an account's count at a successful login", async () => {
    const user = await createUser(t, 'EDITOR');
    for (const round of [1, 2]) {
      for (let attempt = 0; attempt < 2; attempt++) await login(`127.0.4.${round}`, user.email, WRONG);
      expect((await login(`127.0.4.${round}`, user.email, TEST_PASSWORD)).body.data?.login.user.id).toBe(user.id);
    }
  });
});

// The default limit (10) under concurrency: the attempt is reserved before the password is checked,
// so guesses fired at once cannot all pass the check before any of them is recorded.
describe('login rate limiting under concurrent guesses', () => {
  let t: TestApp;
  const login = (ip: string, email: string, password: string) =>
    postFrom(t.admin.endpoint, ip, LOGIN, { input: { email, password } });
  const codes = (responses: Awaited<ReturnType<typeof login>>[]) =>
    responses.reduce<Record<string, number>>((counts, response) => {
      const code = errorOf(response).code;
      return { ...counts, [code]: (counts[code] ?? 0) + 1 };
    }, {});

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('checks only 10 of 199 guesses fired at once from one IP, then refuses the right password', async () => {
    const user = await createUser(t, 'EDITOR');
    const guesses = await Promise.all(Array.from({ length: 199 }, () => login('127.0.5.1', user.email, WRONG)));
    expect(codes(guesses)).toEqual({ UNAUTHENTICATED: 10, RATE_LIMITED: 189 });
    expect(errorOf(await login('127.0.5.1', user.email, TEST_PASSWORD)).code).toBe('RATE_LIMITED');
    expect(await t.prisma.loginAttempt.count({ where: { ip: '127.0.5.1' } })).toBe(10);
  });

  it('checks only 10 concurrent guesses at one account spread over many IPs', async () => {
    const user = await createUser(t, 'AUTHOR');
    const ips = Array.from({ length: 60 }, (_, index) => `127.0.6.${1 + (index % 6)}`);
    const guesses = await Promise.all(ips.map((ip) => login(ip, user.email, WRONG)));
    expect(codes(guesses)).toEqual({ UNAUTHENTICATED: 10, RATE_LIMITED: 50 });
    expect(errorOf(await login('127.0.6.9', user.email, TEST_PASSWORD)).code).toBe('RATE_LIMITED');
    expect(await t.prisma.loginAttempt.count({ where: { email: user.email } })).toBe(10);
  });

  it('still logs in the right password sent among a few concurrent wrong ones', async () => {
    const user = await createUser(t, 'AUTHOR');
    const [right, ...wrong] = await Promise.all([
      login('127.0.7.1', user.email, TEST_PASSWORD),
      ...Array.from({ length: 5 }, () => login('127.0.7.1', user.email, WRONG)),
    ]);
    expect(right!.body.data?.login.user.id).toBe(user.id);
    expect(codes(wrong)).toEqual({ UNAUTHENTICATED: 5 });
    const attempts = await t.prisma.loginAttempt.groupBy({ by: ['succeeded'], where: { email: user.email }, _count: true });
    expect(Object.fromEntries(attempts.map((row) => [String(row.succeeded), row._count]))).toEqual({ true: 1, false: 5 });
  });
});
