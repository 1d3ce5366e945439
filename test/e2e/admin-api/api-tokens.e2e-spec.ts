import { hashToken } from '../../../src/auth/token-hash.js';
import type { UserRole } from '../../../src/generated/prisma/client.js';
import { TEST_PASSWORD, loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import type { GraphqlClient } from '../../utils/graphql-client.js';
import { ME, errorOf } from '../../utils/sessions.js';

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
