import { randomBytes } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import { toGlobalId } from '../../../src/common/global-id.js';
import type { UserRole } from '../../../src/generated/prisma/client.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { TEST_PASSWORD, createUser, loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import type { GraphqlClient, GraphqlResponse } from '../../utils/graphql-client.js';
import { LOGIN, ME, errorOf, logIn } from '../../utils/sessions.js';
import { createTestDatabase, type TestDatabase } from '../../utils/test-database.js';
import { buildUsersCli, cli, passwordIn } from '../../utils/users-cli.js';

const USER_FIELDS = 'id email name role authorId lastLoginAt disabled createdAt';
const CREATE_USER = `mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { user { ${USER_FIELDS} } } }`;
const UPDATE_USER = `mutation UpdateUser($input: UpdateUserInput!) { updateUser(input: $input) { user { ${USER_FIELDS} } } }`;
const USERS = '{ users(first: 100) { totalCount edges { node { id email } } } }';

const newEmail = () => `new-${randomBytes(4).toString('hex')}@newsroom.test`;
const issuePaths = (response: GraphqlResponse) =>
  errorOf(response).extensions.issues.map((issue: { path: string }) => issue.path);

describe('accounts (users)', () => {
  let t: TestApp;
  let admin: LoggedIn;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'ADMIN');
  });
  afterAll(() => t.close());

  it('creates a user: email lower-cased, password hashed with argon2id, audited, and the user can log in', async () => {
    const author = await new ContentFactory(t.prisma).author();
    const email = newEmail();
    const input = {
      email: `  ${email.toUpperCase()}`,
      name: 'Ada Reporter',
      role: 'AUTHOR',
      password: 'twelve chars!',
      authorId: toGlobalId('Author', author.id),
    };
    const { createUser: created } = await admin.admin.data(CREATE_USER, { input });
    expect(created.user).toMatchObject({
      email,
      name: 'Ada Reporter',
      role: 'AUTHOR',
      authorId: input.authorId,
      disabled: false,
      lastLoginAt: null,
    });

    const row = await t.prisma.user.findUniqueOrThrow({ where: { id: created.user.id } });
    expect(row.authorId).toBe(author.id);
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verify(row.passwordHash, 'twelve chars!')).toBe(true);
    const audit = await t.prisma.auditEntry.findFirstOrThrow({ where: { action: 'user.created', entityId: row.id } });
    expect(audit).toMatchObject({
      actorId: admin.user.id,
      actorKind: 'user',
      entityType: 'User',
      details: { email, role: 'AUTHOR' },
    });
    expect(JSON.stringify(audit.details)).not.toContain('twelve chars!');

    const tokens = await logIn(t.admin, email, 'twelve chars!');
    expect((await tokens.admin.data(ME)).me.user).toEqual({ id: row.id, email, role: 'AUTHOR' });
  });

  it('refuses a duplicate email, whatever its case, with CONFLICT and nothing changed', async () => {
    const existing = await createUser(t, 'EDITOR');
    const before = await t.prisma.user.count();
    const input = { email: existing.email.toUpperCase(), name: 'Copy', role: 'EDITOR', password: TEST_PASSWORD };
    const response = await admin.admin.post(CREATE_USER, { input });
    expect(errorOf(response).code).toBe('CONFLICT');
    expect(await t.prisma.user.count()).toBe(before);
  });

  it('rejects bad input with every bad path, changing nothing', async () => {
    const before = { users: await t.prisma.user.count(), audit: await t.prisma.auditEntry.count() };
    const bad = await admin.admin.post(CREATE_USER, {
      input: { email: 'not-an-email', name: ' ', role: 'EDITOR', password: 'too short', authorId: 'nonsense' },
    });
    expect(errorOf(bad).code).toBe('BAD_USER_INPUT');
    expect(issuePaths(bad)).toEqual(['input.email', 'input.name', 'input.password', 'input.authorId']);

    const unknownAuthor = await admin.admin.post(CREATE_USER, {
      input: {
        email: newEmail(),
        name: 'X',
        role: 'EDITOR',
        password: TEST_PASSWORD,
        authorId: toGlobalId('Author', '01900000-0000-7000-8000-000000000000'),
      },
    });
    expect(issuePaths(unknownAuthor)).toEqual(['input.authorId']);

    const user = await createUser(t, 'AUTHOR');
    const badUpdate = await admin.admin.post(UPDATE_USER, { input: { id: user.id, name: '', password: 'short' } });
    expect(issuePaths(badUpdate)).toEqual(['input.name', 'input.password']);
    expect(issuePaths(await admin.admin.post(UPDATE_USER, { input: { id: 'not-a-uuid' } }))).toEqual(['input.id']);
    expect(await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(user);
    expect(await t.prisma.user.count()).toBe(before.users + 1);
    expect(await t.prisma.auditEntry.count()).toBe(before.audit);
  });

  it('rejects a role outside the enum as BAD_USER_INPUT naming input.role', async () => {
    const before = await t.prisma.user.count();
    // GraphQL itself refuses the variable, before any resolver runs.
    const input = { email: newEmail(), name: 'X', role: 'KING', password: TEST_PASSWORD };
    const response = await admin.admin.post(CREATE_USER, { input });
    expect(errorOf(response).code).toBe('BAD_USER_INPUT');
    expect(errorOf(response).message).toMatch(/input\.role/);
    expect(await t.prisma.user.count()).toBe(before);
  });

  it('updates name, role and byline, auditing what changed', async () => {
    const user = await createUser(t, 'CONTRIBUTOR', { authorId: null });
    const author = await new ContentFactory(t.prisma).author();
    const { updateUser } = await admin.admin.data(UPDATE_USER, {
      input: { id: user.id, name: 'Renamed', role: 'EDITOR', authorId: toGlobalId('Author', author.id) },
    });
    expect(updateUser.user).toMatchObject({ name: 'Renamed', role: 'EDITOR', authorId: toGlobalId('Author', author.id) });
    const audit = await t.prisma.auditEntry.findFirstOrThrow({ where: { action: 'user.updated', entityId: user.id } });
    expect(audit.details).toEqual({
      name: { from: user.name, to: 'Renamed' },
      role: { from: 'CONTRIBUTOR', to: 'EDITOR' },
      authorId: { from: null, to: author.id },
    });
    const unlinked = await admin.admin.data(UPDATE_USER, { input: { id: user.id, authorId: null } });
    expect(unlinked.updateUser.user.authorId).toBeNull();
  });

  it('disabling ends every session at once and stops logins; re-enabling allows new ones', async () => {
    const user = await createUser(t, 'EDITOR');
    const tokens = await logIn(t.admin, user.email, TEST_PASSWORD);
    const { updateUser } = await admin.admin.data(UPDATE_USER, { input: { id: user.id, disabled: true } });
    expect(updateUser.user.disabled).toBe(true);
    expect((await tokens.admin.post(ME)).status).toBe(401);
    expect(await t.prisma.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    const refused = await t.admin.post(LOGIN, { input: { email: user.email, password: TEST_PASSWORD } });
    expect(errorOf(refused).message).toBe('Invalid email or password');

    await admin.admin.data(UPDATE_USER, { input: { id: user.id, disabled: false } });
    expect((await (await logIn(t.admin, user.email, TEST_PASSWORD)).admin.data(ME)).me.id).toBe(user.id);
  });

  it('a new password replaces the old one and ends existing sessions', async () => {
    const user = await createUser(t, 'AUTHOR');
    const tokens = await logIn(t.admin, user.email, TEST_PASSWORD);
    await admin.admin.data(UPDATE_USER, { input: { id: user.id, password: 'a brand new passphrase' } });
    expect((await tokens.admin.post(ME)).status).toBe(401);
    const old = await t.admin.post(LOGIN, { input: { email: user.email, password: TEST_PASSWORD } });
    expect(errorOf(old).code).toBe('UNAUTHENTICATED');
    await logIn(t.admin, user.email, 'a brand new passphrase');
    const audit = await t.prisma.auditEntry.findFirstOrThrow({ where: { action: 'user.updated', entityId: user.id } });
    expect(audit.details).toEqual({ password: 'changed', sessionsRevoked: 1 });
  });

  it('keeps at least one enabled admin', async () => {
    const { user: lone } = admin;
    const admins = await t.prisma.user.findMany({ where: { role: 'ADMIN', id: { not: lone.id } } });
    await t.prisma.user.updateMany({ where: { id: { in: admins.map((a) => a.id) } }, data: { disabledAt: new Date() } });
    try {
      for (const input of [
        { id: lone.id, role: 'EDITOR' },
        { id: lone.id, disabled: true },
      ]) {
        expect(errorOf(await admin.admin.post(UPDATE_USER, { input })).code).toBe('CONFLICT');
      }
      expect((await t.prisma.user.findUniqueOrThrow({ where: { id: lone.id } })).role).toBe('ADMIN');
      const other = await createUser(t, 'ADMIN');
      const { updateUser } = await admin.admin.data(UPDATE_USER, { input: { id: other.id, role: 'EDITOR' } });
      expect(updateUser.user.role).toBe('EDITOR');
    } finally {
      await t.prisma.user.updateMany({ where: { id: { in: admins.map((a) => a.id) } }, data: { disabledAt: null } });
    }
  });

  it('answers NOT_FOUND for an unknown user', async () => {
    const response = await admin.admin.post(UPDATE_USER, { input: { id: '01900000-0000-7000-8000-000000000000', name: 'X' } });
    expect(errorOf(response).code).toBe('NOT_FOUND');
  });

  it('lists users by name to admins', async () => {
    const { users } = await admin.admin.data(USERS);
    expect(users.totalCount).toBe(await t.prisma.user.count());
    expect(users.edges.map((edge: any) => edge.node.id)).toContain(admin.user.id);
  });

  describe.each(['CONTRIBUTOR', 'AUTHOR', 'EDITOR', 'ADMIN', null] as (UserRole | null)[])('as %s', (role) => {
    const expected = role === 'ADMIN' ? null : role ? 'FORBIDDEN' : 'UNAUTHENTICATED';
    let client: GraphqlClient;

    beforeAll(async () => {
      client = role ? (await loginAs(t, role)).admin : t.admin;
    });

    it(`createUser, updateUser and users: ${expected ?? 'allowed'}`, async () => {
      const target = await createUser(t, 'CONTRIBUTOR');
      const before = await t.prisma.user.count();
      const responses = [
        await client.post(CREATE_USER, { input: { email: newEmail(), name: 'N', role: 'ADMIN', password: TEST_PASSWORD } }),
        await client.post(UPDATE_USER, { input: { id: target.id, role: 'ADMIN' } }),
        await client.post(USERS),
      ];
      for (const response of responses) {
        if (expected) expect(errorOf(response).code).toBe(expected);
        else expect(response.body.errors).toBeUndefined();
      }
      const after = await t.prisma.user.findUniqueOrThrow({ where: { id: target.id } });
      expect(after.role).toBe(expected ? 'CONTRIBUTOR' : 'ADMIN');
      expect(await t.prisma.user.count()).toBe(expected ? before : before + 1);
    });

    it(`me: ${role ? 'the caller' : 'UNAUTHENTICATED'}`, async () => {
      const response = await client.post(ME);
      if (role) expect(response.body.data?.me).toMatchObject({ kind: 'USER', role, user: { role } });
      else expect(errorOf(response).code).toBe('UNAUTHENTICATED');
    });
  });
});

describe('first admin', () => {
  it('creates the configured ADMIN_EMAIL admin while no user exists, and never again', async () => {
    const database = await createTestDatabase();
    try {
      const first = await createTestApp(
        { ADMIN_EMAIL: 'Chief@Newsroom.test', ADMIN_PASSWORD: 'the first admin password' },
        database,
      );
      try {
        const users = await first.prisma.user.findMany();
        expect(users).toEqual([expect.objectContaining({ email: 'chief@newsroom.test', role: 'ADMIN', disabledAt: null })]);
        const audit = await first.prisma.auditEntry.findFirstOrThrow({ where: { action: 'user.created' } });
        expect(audit).toMatchObject({ actorKind: 'system', entityId: users[0]!.id, details: { reason: 'initial_admin' } });
        const { admin } = await logIn(first.admin, 'chief@newsroom.test', 'the first admin password');
        expect((await admin.data(ME)).me).toMatchObject({ kind: 'USER', role: 'ADMIN' });
      } finally {
        await first.close();
      }
      // Restarted with other settings: a user exists, so nothing is created.
      const second = await createTestApp(
        { ADMIN_EMAIL: 'other@newsroom.test', ADMIN_PASSWORD: 'another admin password' },
        database,
      );
      try {
        expect((await second.prisma.user.findMany()).map((user) => user.email)).toEqual(['chief@newsroom.test']);
      } finally {
        await second.close();
      }
    } finally {
      await database.drop();
    }
  }, 60_000);

  it('creates nobody on an external database without ADMIN_EMAIL', async () => {
    const t = await createTestApp();
    try {
      expect(await t.prisma.user.count()).toBe(0);
    } finally {
      await t.close();
    }
  });

  // The embedded demo's admin (admin@newsdesk.local, its password shown once, never logged) is checked
  // in operations/embedded-database.e2e-spec.ts, on the first start that test makes anyway.
});

// The tools on a PostgreSQL server (DATABASE_URL). On the embedded database, with the app stopped
// and while it runs: operations/embedded-database.e2e-spec.ts, which shares its first starts.
describe('user:create', () => {
  beforeAll(buildUsersCli);

  let database: TestDatabase;
  const run = (args: string[]) => cli('create-user', args, { DATABASE_URL: database.url });

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('creates a user with a generated password, printed once, that logs in', async () => {
    const result = await run(['--email', 'Desk@Newsroom.test', '--name', 'Desk Editor', '--role', 'editor']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Created editor desk@newsroom\.test \(id [0-9a-f-]{36}\)/);
    const password = passwordIn(result.stdout);
    expect(password).toBeDefined();

    const given = await run([
      '--email',
      'chief@newsroom.test',
      '--name',
      'Chief',
      '--role',
      'ADMIN',
      '--password',
      'chosen by the chief',
    ]);
    expect(given.status).toBe(0);
    expect(given.stdout).not.toContain('Password');

    const t = await createTestApp({}, database);
    try {
      const { admin } = await logIn(t.admin, 'desk@newsroom.test', password!);
      expect((await admin.data(ME)).me.user).toMatchObject({ email: 'desk@newsroom.test', role: 'EDITOR' });
      await logIn(t.admin, 'chief@newsroom.test', 'chosen by the chief');
      const audit = await t.prisma.auditEntry.findMany({ where: { action: 'user.created' } });
      expect(audit).toHaveLength(2);
      expect(audit[0]).toMatchObject({ actorKind: 'system', details: { via: 'cli' } });
    } finally {
      await t.close();
    }
  }, 60_000);

  it('refuses a duplicate email, bad values and missing options with clear messages', async () => {
    const args = ['--email', 'twice@newsroom.test', '--name', 'Twice', '--role', 'author'];
    expect((await run(args)).status).toBe(0);
    const duplicate = await run(['--email', 'TWICE@newsroom.test', '--name', 'Again', '--role', 'author']);
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toContain('A user with the email twice@newsroom.test already exists');

    const bad = await run(['--email', 'nope', '--name', '', '--role', 'king', '--password', 'short']);
    expect(bad.status).toBe(2);
    for (const option of ['--email', '--name', '--role', '--password']) expect(bad.stderr).toContain(`${option}:`);

    const missing = await run(['--email', 'x@newsroom.test']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Missing --name, --role');
    expect(missing.stderr).toContain('Usage: npm run user:create');
  }, 60_000);
});
