import { SignJWT } from 'jose';
import { hashToken } from '../../../src/auth/token-hash.js';
import { AppKeys } from '../../../src/config/app-secret.js';
import { TEST_PASSWORD, createUser, loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { LOGIN, LOGOUT, ME, REFRESH, errorOf, logIn, postFrom } from '../../utils/sessions.js';
import type { UserRole } from '../../../src/generated/prisma/client.js';
import type { GraphqlClient } from '../../utils/graphql-client.js';

describe('login, refresh and logout', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('logs in, stores only the refresh token hash, and the access token works for me', async () => {
    const user = await createUser(t, 'EDITOR');
    const { login } = await t.admin.data(LOGIN, { input: { email: ` ${user.email.toUpperCase()} `, password: TEST_PASSWORD } });
    expect(login.user).toMatchObject({ id: user.id, email: user.email, role: 'EDITOR', disabled: false });
    expect(login.refreshToken).toMatch(/^ndr_/);
    expect(new Date(login.accessTokenExpiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(login.refreshTokenExpiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    const me = await t.admin.with({ authorization: `Bearer ${login.accessToken}` }).data(ME);
    expect(me.me).toEqual({
      id: user.id,
      kind: 'USER',
      role: 'EDITOR',
      user: { id: user.id, email: user.email, role: 'EDITOR' },
    });

    const sessions = await t.prisma.session.findMany({ where: { userId: user.id } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.tokenHash).toBe(hashToken(login.refreshToken));
    expect(JSON.stringify(sessions)).not.toContain(login.refreshToken);
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).not.toBeNull();
    const audit = await t.prisma.auditEntry.findMany({ where: { action: 'session.created', actorId: user.id } });
    expect(audit).toEqual([expect.objectContaining({ entityType: 'Session', entityId: sessions[0]!.id, actorKind: 'user' })]);
    const attempts = await t.prisma.loginAttempt.findMany({ where: { email: user.email } });
    expect(attempts).toEqual([expect.objectContaining({ succeeded: true })]);
  });

  it('rotates the refresh token; reusing the old one revokes the whole login', async () => {
    const user = await createUser(t, 'AUTHOR');
    const first = await logIn(t.admin, user.email, TEST_PASSWORD);
    const { refreshSession: second } = await t.admin.data(REFRESH, { input: { refreshToken: first.refreshToken } });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.user.id).toBe(user.id);

    const rows = await t.prisma.session.findMany({ where: { userId: user.id }, orderBy: { createdAt: 'asc' } });
    expect(rows).toHaveLength(2);
    expect(rows[0]!.rotatedAt).not.toBeNull();
    expect(rows[1]!.familyId).toBe(rows[0]!.familyId);
    const secondAdmin = t.admin.with({ authorization: `Bearer ${second.accessToken}` });
    expect((await secondAdmin.data(ME)).me.id).toBe(user.id);

    // The old token again: only a thief (or a confused client) would send it, so the login ends.
    const reuse = await t.admin.post(REFRESH, { input: { refreshToken: first.refreshToken } });
    expect(errorOf(reuse).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await t.admin.post(REFRESH, { input: { refreshToken: second.refreshToken } })).code).toBe('UNAUTHENTICATED');
    const afterTheft = await secondAdmin.post(ME);
    expect(afterTheft.status).toBe(401);
    expect(errorOf(afterTheft).code).toBe('UNAUTHENTICATED');
    expect(await t.prisma.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);

    const actions = await t.prisma.auditEntry.findMany({ where: { actorId: user.id }, orderBy: { createdAt: 'asc' } });
    expect(actions.map((entry) => entry.action)).toEqual(['session.created', 'session.refreshed', 'session.revoked']);
    expect(actions[2]!.details).toMatchObject({ reason: 'refresh_token_reuse', sessionsRevoked: 2 });
  });

  it('logs out the current login: its access tokens, even from before a refresh, and refresh token stop working', async () => {
    const user = await createUser(t, 'CONTRIBUTOR');
    const first = await logIn(t.admin, user.email, TEST_PASSWORD);
    const { refreshSession: second } = await t.admin.data(REFRESH, { input: { refreshToken: first.refreshToken } });
    const current = t.admin.with({ authorization: `Bearer ${second.accessToken}` });
    const other = await logIn(t.admin, user.email, TEST_PASSWORD);

    expect(await current.data(LOGOUT)).toEqual({ logout: { success: true } });
    expect((await current.post(ME)).status).toBe(401);
    expect((await first.admin.post(ME)).status).toBe(401);
    expect(errorOf(await t.admin.post(REFRESH, { input: { refreshToken: second.refreshToken } })).code).toBe('UNAUTHENTICATED');
    // Another login of the same user is another family, and lives on.
    expect((await other.admin.data(ME)).me.id).toBe(user.id);
    const revoked = await t.prisma.auditEntry.findFirstOrThrow({ where: { action: 'session.revoked', actorId: user.id } });
    expect(revoked.details).toMatchObject({ reason: 'logout' });
  });

  it('logs out by refresh token without an access token, idempotently', async () => {
    const user = await createUser(t, 'AUTHOR');
    const tokens = await logIn(t.admin, user.email, TEST_PASSWORD);
    for (let round = 0; round < 2; round++) {
      expect(await t.admin.data(LOGOUT, { input: { refreshToken: tokens.refreshToken } })).toEqual({ logout: { success: true } });
    }
    expect((await tokens.admin.post(ME)).status).toBe(401);
    expect(await t.prisma.auditEntry.count({ where: { action: 'session.revoked', actorId: user.id } })).toBe(1);
    expect(errorOf(await t.admin.post(LOGOUT, { input: { refreshToken: 'ndr_unknown' } })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await t.admin.post(LOGOUT)).code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired access token and an expired refresh token', async () => {
    const user = await createUser(t, 'EDITOR');
    const tokens = await logIn(t.admin, user.email, TEST_PASSWORD);
    const session = await t.prisma.session.findUniqueOrThrow({ where: { tokenHash: hashToken(tokens.refreshToken) } });
    const expired = await new SignJWT({ sid: session.id })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer('newsdesk')
      .setAudience('newsdesk-admin')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(t.app.get(AppKeys).accessToken);
    const response = await t.admin.post(ME, undefined, { authorization: `Bearer ${expired}` });
    expect(response.status).toBe(401);
    expect(errorOf(response).code).toBe('UNAUTHENTICATED');

    await t.prisma.session.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(errorOf(await t.admin.post(REFRESH, { input: { refreshToken: tokens.refreshToken } })).code).toBe('UNAUTHENTICATED');
  });

  it('gives the same answer for an unknown email, a wrong password and a disabled account', async () => {
    const user = await createUser(t, 'EDITOR');
    const disabled = await createUser(t, 'EDITOR', { disabledAt: new Date() });
    const attempts = [
      { email: `nobody-${user.id}@newsroom.test`, password: TEST_PASSWORD },
      { email: user.email, password: 'wrong password, long enough' },
      { email: disabled.email, password: TEST_PASSWORD },
    ];
    const answers = [];
    for (const input of attempts) {
      const response = await t.admin.post(LOGIN, { input });
      const { requestId: _requestId, ...extensions } = errorOf(response).extensions;
      answers.push({ status: response.status, data: response.body.data, message: errorOf(response).message, extensions });
    }
    expect(answers[0]).toEqual({
      status: 200,
      data: null,
      message: 'Invalid email or password',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    // Every attempt is recorded, known email or not.
    for (const { email } of attempts) {
      expect(await t.prisma.loginAttempt.count({ where: { email, succeeded: false } })).toBe(1);
    }
  });

  it('refuses to refresh for a disabled user', async () => {
    const user = await createUser(t, 'AUTHOR');
    const tokens = await logIn(t.admin, user.email, TEST_PASSWORD);
    await t.prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(errorOf(await t.admin.post(REFRESH, { input: { refreshToken: tokens.refreshToken } })).code).toBe('UNAUTHENTICATED');
    expect((await tokens.admin.post(ME)).status).toBe(401);
  });

  it('rejects malformed login input with the paths, recording nothing', async () => {
    const response = await t.admin.post(LOGIN, { input: { email: '  ', password: '' } });
    expect(errorOf(response).code).toBe('BAD_USER_INPUT');
    expect(errorOf(response).extensions.issues.map((issue: { path: string }) => issue.path)).toEqual([
      'input.email',
      'input.password',
    ]);
    expect(await t.prisma.loginAttempt.count({ where: { email: '' } })).toBe(0);
  });
});

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

const TOKEN_FIELDS = 'id name role tokenPrefix createdAt expiresAt revokedAt lastUsedAt';
const CREATE = `mutation Create($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { ${TOKEN_FIELDS} } } }`;
const REVOKE = `mutation Revoke($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { apiToken { ${TOKEN_FIELDS} } } }`;
const LIST = `{ apiTokens(first: 100) { totalCount edges { node { ${TOKEN_FIELDS} } } } }`;
const CREATE_USER = `mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`;

describe('API tokens', () => {
  let t: TestApp;
  let admin: LoggedIn;
  const bearer = (token: string) => t.admin.with({ authorization: `Bearer ${token}` });
  const create = async (input: Record<string, unknown>) => (await admin.admin.data(CREATE, { input })).createApiToken;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'ADMIN');
  });
  afterAll(() => t.close());

  it('shows the token once, stores only its hash, and lists it without the secret', async () => {
    const { token, apiToken } = await create({ name: 'Print export', role: 'EDITOR' });
    expect(token).toMatch(/^nd_[A-Za-z0-9_-]{40,}$/);
    expect(apiToken).toMatchObject({ name: 'Print export', role: 'EDITOR', tokenPrefix: token.slice(0, 10), revokedAt: null });

    const row = await t.prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.createdById).toBe(admin.user.id);
    expect(JSON.stringify(row)).not.toContain(token);

    const { apiTokens } = await admin.admin.data(LIST);
    const listed = apiTokens.edges.map((edge: any) => edge.node);
    expect(listed[0]).toEqual(apiToken);
    expect(JSON.stringify(listed)).not.toContain(token);
    const { __type } = await admin.admin.data('{ __type(name: "AdminApiToken") { fields { name } } }');
    expect(__type.fields.map((field: { name: string }) => field.name)).not.toEqual(expect.arrayContaining(['token']));
    expect(JSON.stringify(__type)).not.toMatch(/hash/i);

    const audit = await t.prisma.auditEntry.findFirstOrThrow({ where: { action: 'api_token.created', entityId: apiToken.id } });
    expect(audit).toMatchObject({
      actorId: admin.user.id,
      entityType: 'ApiToken',
      details: { name: 'Print export', role: 'EDITOR' },
    });
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('works as a Bearer token with its own role, and records its use', async () => {
    const { token, apiToken } = await create({ name: 'Wire importer', role: 'EDITOR' });
    const client = bearer(token);
    expect((await client.data(ME)).me).toEqual({ id: apiToken.id, kind: 'API_TOKEN', role: 'EDITOR', user: null });
    expect((await t.prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt).not.toBeNull();
    const input = { email: 'via-token@newsroom.test', name: 'X', role: 'ADMIN', password: TEST_PASSWORD };
    expect(errorOf(await client.post(CREATE_USER, { input })).code).toBe('FORBIDDEN');

    const { token: adminToken, apiToken: adminRow } = await create({ name: 'Provisioning', role: 'ADMIN' });
    const { createUser } = await bearer(adminToken).data(CREATE_USER, { input });
    const audit = await t.prisma.auditEntry.findFirstOrThrow({ where: { action: 'user.created', entityId: createUser.user.id } });
    expect(audit).toMatchObject({ actorKind: 'api_token', actorId: null, tokenId: adminRow.id });
  });

  it('stops working once revoked; revoking again changes nothing', async () => {
    const { token, apiToken } = await create({ name: 'Old script', role: 'AUTHOR' });
    expect((await bearer(token).data(ME)).me.id).toBe(apiToken.id);
    const { revokeApiToken } = await admin.admin.data(REVOKE, { input: { id: apiToken.id } });
    expect(revokeApiToken.apiToken.revokedAt).not.toBeNull();
    const refused = await bearer(token).post(ME);
    expect(refused.status).toBe(401);
    expect(errorOf(refused).code).toBe('UNAUTHENTICATED');

    const again = await admin.admin.data(REVOKE, { input: { id: apiToken.id } });
    expect(again.revokeApiToken.apiToken.revokedAt).toBe(revokeApiToken.apiToken.revokedAt);
    expect(await t.prisma.auditEntry.count({ where: { action: 'api_token.revoked', entityId: apiToken.id } })).toBe(1);
  });

  it('stops working once expired', async () => {
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const { token, apiToken } = await create({ name: 'Short-lived', role: 'CONTRIBUTOR', expiresAt });
    expect(apiToken.expiresAt).toBe(expiresAt);
    expect((await bearer(token).data(ME)).me.role).toBe('CONTRIBUTOR');
    await t.prisma.apiToken.update({ where: { id: apiToken.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const refused = await bearer(token).post(ME);
    expect(refused.status).toBe(401);
    expect(errorOf(refused).code).toBe('UNAUTHENTICATED');
  });

  it('rejects bad input with the paths, creating nothing', async () => {
    const before = await t.prisma.apiToken.count();
    const response = await admin.admin.post(CREATE, {
      input: { name: '  ', role: 'EDITOR', expiresAt: new Date(Date.now() - 60_000).toISOString() },
    });
    expect(errorOf(response).code).toBe('BAD_USER_INPUT');
    expect(errorOf(response).extensions.issues.map((issue: { path: string }) => issue.path)).toEqual([
      'input.name',
      'input.expiresAt',
    ]);
    expect(await t.prisma.apiToken.count()).toBe(before);
    expect(errorOf(await admin.admin.post(REVOKE, { input: { id: 'nope' } })).code).toBe('BAD_USER_INPUT');
    expect(errorOf(await admin.admin.post(REVOKE, { input: { id: '01900000-0000-7000-8000-000000000000' } })).code).toBe(
      'NOT_FOUND',
    );
  });

  describe.each(['CONTRIBUTOR', 'AUTHOR', 'EDITOR', 'ADMIN', null] as (UserRole | null)[])('as %s', (role) => {
    const expected = role === 'ADMIN' ? null : role ? 'FORBIDDEN' : 'UNAUTHENTICATED';
    let client: GraphqlClient;

    beforeAll(async () => {
      client = role ? (await loginAs(t, role)).admin : t.admin;
    });

    it(`createApiToken, revokeApiToken and apiTokens: ${expected ?? 'allowed'}`, async () => {
      const { apiToken: target } = await create({ name: `Target for ${role}`, role: 'EDITOR' });
      const before = await t.prisma.apiToken.count();
      const responses = [
        await client.post(CREATE, { input: { name: 'Mine', role: 'ADMIN' } }),
        await client.post(REVOKE, { input: { id: target.id } }),
        await client.post(LIST),
      ];
      for (const response of responses) {
        if (expected) expect(errorOf(response).code).toBe(expected);
        else expect(response.body.errors).toBeUndefined();
      }
      expect(await t.prisma.apiToken.count()).toBe(expected ? before : before + 1);
      const row = await t.prisma.apiToken.findUniqueOrThrow({ where: { id: target.id } });
      expect(row.revokedAt === null).toBe(Boolean(expected));
    });
  });
});
