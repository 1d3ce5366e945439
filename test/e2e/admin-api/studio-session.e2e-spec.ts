import { hashToken } from '../../../src/auth/token-hash.js';
import { TEST_PASSWORD, createUser } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { ME, errorOf } from '../../utils/sessions.js';

// The Studio's session: the refresh token travels only in an httpOnly cookie, over real HTTP.
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken user { id } } }`;
const REFRESH = `mutation { refreshSession { accessToken refreshToken user { id } } }`;
const LOGOUT = `mutation { logout { success } }`;
const CHANGE_PASSWORD = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { user { id } } }`;

interface Reply {
  status: number;
  body: any;
  setCookie: string[];
}

async function post(t: TestApp, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(`${t.baseUrl}/admin/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json(), setCookie: response.headers.getSetCookie() } as Reply;
}

function cookieOf(reply: Reply): string {
  const header = reply.setCookie.find((line) => line.startsWith('newsdesk_refresh='));
  if (!header) throw new Error(`No session cookie in ${JSON.stringify(reply.setCookie)}`);
  return header.split(';')[0]!;
}

// Both describes run on the default settings, on one app: each case logs in a user of its own.
describe('admin sessions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('Studio sessions: the refresh token in an httpOnly cookie', () => {
    async function cookieLogin(email: string) {
      const reply = await post(t, LOGIN, { input: { email, password: TEST_PASSWORD, session: 'COOKIE' } });
      expect(reply.body.errors).toBeUndefined();
      return { reply, cookie: cookieOf(reply) };
    }

    it('login with session: COOKIE sets an httpOnly, SameSite=Strict cookie scoped to /admin/graphql and leaves the token out of the body', async () => {
      const user = await createUser(t, 'EDITOR');
      const { reply, cookie } = await cookieLogin(user.email);
      expect(reply.body.data.login.refreshToken).toBeNull();
      expect(reply.body.data.login.accessToken).toEqual(expect.any(String));
      const header = reply.setCookie.find((line) => line.startsWith('newsdesk_refresh='))!;
      expect(header).toMatch(/; HttpOnly/i);
      expect(header).toMatch(/; SameSite=Strict/i);
      expect(header).toMatch(/; Path=\/admin\/graphql/i);
      expect(header).toMatch(/; Expires=/i);
      // Plain http here: Secure would make browsers drop it.
      expect(header).not.toMatch(/; Secure/i);
      const session = await t.prisma.session.findFirstOrThrow({ where: { userId: user.id } });
      expect(session.tokenHash).toBe(hashToken(decodeURIComponent(cookie.split('=')[1]!)));
    });

    it('the body keeps the refresh token for other clients (no cookie)', async () => {
      const user = await createUser(t, 'AUTHOR');
      const reply = await post(t, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } });
      expect(reply.body.data.login.refreshToken).toMatch(/^ndr_/);
      expect(reply.setCookie).toEqual([]);
    });

    it('refreshSession without a token reads the cookie, rotates it, and the old cookie value then ends the login', async () => {
      const user = await createUser(t, 'EDITOR');
      const { cookie: first } = await cookieLogin(user.email);
      const refreshed = await post(t, REFRESH, {}, { cookie: first });
      expect(refreshed.body.errors).toBeUndefined();
      expect(refreshed.body.data.refreshSession).toMatchObject({ refreshToken: null, user: { id: user.id } });
      const second = cookieOf(refreshed);
      expect(second).not.toBe(first);
      const me = await post(t, ME, {}, { authorization: `Bearer ${refreshed.body.data.refreshSession.accessToken}` });
      expect(me.body.data.me.id).toBe(user.id);

      // Replaying the rotated cookie is theft detection: the login ends and the cookie is cleared.
      const replay = await post(t, REFRESH, {}, { cookie: first });
      expect(errorOf(replay as any).code).toBe('UNAUTHENTICATED');
      expect(replay.setCookie.some((line) => /^newsdesk_refresh=;/.test(line))).toBe(true);
      expect(errorOf((await post(t, REFRESH, {}, { cookie: second })) as any).code).toBe('UNAUTHENTICATED');
    });

    it('refreshSession with neither token nor cookie is UNAUTHENTICATED and sets nothing', async () => {
      const reply = await post(t, REFRESH);
      expect(errorOf(reply as any).code).toBe('UNAUTHENTICATED');
      expect(reply.setCookie).toEqual([]);
    });

    it('logout with the cookie ends the login and clears the cookie', async () => {
      const user = await createUser(t, 'CONTRIBUTOR');
      const { cookie } = await cookieLogin(user.email);
      const reply = await post(t, LOGOUT, {}, { cookie });
      expect(reply.body.data.logout.success).toBe(true);
      const cleared = reply.setCookie.find((line) => line.startsWith('newsdesk_refresh='))!;
      expect(cleared).toMatch(/^newsdesk_refresh=;/);
      expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
      expect(cleared).toMatch(/; Path=\/admin\/graphql/i);
      const sessions = await t.prisma.session.findMany({ where: { userId: user.id } });
      expect(sessions.every((session) => session.revokedAt !== null)).toBe(true);
      expect(errorOf((await post(t, REFRESH, {}, { cookie })) as any).code).toBe('UNAUTHENTICATED');
    });

    it('keeps CSRF prevention: a "simple" cross-site form post with the cookie is refused before it runs', async () => {
      const user = await createUser(t, 'EDITOR');
      const { cookie } = await cookieLogin(user.email);
      const response = await fetch(`${t.baseUrl}/admin/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', cookie },
        body: JSON.stringify({ query: REFRESH }),
      });
      expect(response.status).toBe(400);
      expect(response.headers.getSetCookie()).toEqual([]);
      const live = await t.prisma.session.findMany({ where: { userId: user.id, rotatedAt: null, revokedAt: null } });
      expect(live).toHaveLength(1);
    });

    it('sets Secure when the API is public over https', async () => {
      const secure = await createTestApp({ PUBLIC_API_URL: 'https://api.example.com' });
      try {
        const user = await createUser(secure, 'EDITOR');
        const reply = await post(secure, LOGIN, { input: { email: user.email, password: TEST_PASSWORD, session: 'COOKIE' } });
        expect(reply.setCookie.find((line) => line.startsWith('newsdesk_refresh='))).toMatch(/; Secure/i);
      } finally {
        await secure.close();
      }
    });
  });

  describe('changePassword', () => {
    it('changes my password, ends my other logins and keeps this one', async () => {
      const user = await createUser(t, 'AUTHOR');
      const here = await post(t, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } });
      const elsewhere = await post(t, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } });
      const auth = { authorization: `Bearer ${here.body.data.login.accessToken}` };
      const reply = await post(
        t,
        CHANGE_PASSWORD,
        { input: { currentPassword: TEST_PASSWORD, newPassword: 'a new long passphrase' } },
        auth,
      );
      expect(reply.body.errors).toBeUndefined();
      expect(reply.body.data.changePassword.user.id).toBe(user.id);

      expect((await post(t, ME, {}, auth)).body.data.me.id).toBe(user.id);
      const other = await post(t, ME, {}, { authorization: `Bearer ${elsewhere.body.data.login.accessToken}` });
      expect(other.status).toBe(401);
      expect(errorOf((await post(t, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } })) as any).code).toBe(
        'UNAUTHENTICATED',
      );
      const again = await post(t, LOGIN, { input: { email: user.email, password: 'a new long passphrase' } });
      expect(again.body.data.login.user.id).toBe(user.id);
      const audit = await t.prisma.auditEntry.findMany({ where: { action: 'user.password_changed', entityId: user.id } });
      expect(audit).toEqual([expect.objectContaining({ actorId: user.id, details: { otherSessionsRevoked: 1 } })]);
    });

    it.each([
      [
        'a wrong current password',
        { currentPassword: 'not the password', newPassword: 'a new long passphrase' },
        'input.currentPassword',
      ],
      ['a short new password', { currentPassword: TEST_PASSWORD, newPassword: 'short' }, 'input.newPassword'],
      ['the same password', { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }, 'input.newPassword'],
    ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_case, input, path) => {
      const user = await createUser(t, 'EDITOR');
      const login = await post(t, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } });
      const reply = await post(t, CHANGE_PASSWORD, { input }, { authorization: `Bearer ${login.body.data.login.accessToken}` });
      const error = errorOf(reply as any);
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.issues).toEqual([expect.objectContaining({ path })]);
      const stored = await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(stored.passwordHash).toBe(user.passwordHash);
    });

    it('needs a login', async () => {
      const reply = await post(t, CHANGE_PASSWORD, {
        input: { currentPassword: TEST_PASSWORD, newPassword: 'a new long passphrase' },
      });
      expect(errorOf(reply as any).code).toBe('UNAUTHENTICATED');
    });
  });
});
