import { SignJWT } from 'jose';
import { hashToken } from '../../../src/auth/token-hash.js';
import { AppKeys } from '../../../src/config/app-secret.js';
import { TEST_PASSWORD, createUser } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { LOGIN, LOGOUT, ME, REFRESH, errorOf, logIn } from '../../utils/sessions.js';

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
