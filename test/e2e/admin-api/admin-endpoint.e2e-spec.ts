import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { loginAs, TEST_PASSWORD } from '../../utils/auth.js';

describe('admin endpoint', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('refuses introspection without a login and allows it with one', async () => {
    const anonymous = await t.admin.post('{ __schema { queryType { name } } }');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const { admin } = await loginAs(t, 'CONTRIBUTOR');
    expect((await admin.post('{ __schema { queryType { name } } }')).body.data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
  });

  it('rejects a bad or forged token with 401 UNAUTHENTICATED', async () => {
    for (const authorization of ['Bearer nonsense', 'Bearer nd_forged', 'Basic abc']) {
      const response = await t.admin.post('{ me { role } }', undefined, { authorization });
      expect(response.status).toBe(401);
      expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('still lets a client with a stale token log in', async () => {
    const { user } = await loginAs(t, 'EDITOR');
    const response = await t.admin.post(
      `mutation($input: LoginInput!) { login(input: $input) { user { email } } }`,
      { input: { email: user.email, password: TEST_PASSWORD } },
      { authorization: 'Bearer expired.or.forged' },
    );
    expect(response.body.data).toEqual({ login: { user: { email: user.email } } });
  });

  it('keeps CSRF prevention on: a simple cross-site GET is refused', async () => {
    const response = await fetch(`${t.admin.endpoint}?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });

  it('limits the audit log to admins', async () => {
    const { admin: editor } = await loginAs(t, 'EDITOR');
    const refused = await editor.post('{ auditEntries { totalCount } }');
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { admin } = await loginAs(t, 'ADMIN');
    const { auditEntries } = await admin.data('{ auditEntries { totalCount } }');
    expect(auditEntries.totalCount).toBe(await t.prisma.auditEntry.count());
  });
});
