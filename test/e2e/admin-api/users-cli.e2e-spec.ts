import { createTestApp } from '../../utils/create-app.js';
import { ME, logIn } from '../../utils/sessions.js';
import { createTestDatabase, type TestDatabase } from '../../utils/test-database.js';
import { buildUsersCli, cli, passwordIn } from '../../utils/users-cli.js';

// The tools on a PostgreSQL server (DATABASE_URL). On the embedded database, with the app stopped
// and while it runs: operations/embedded-database.e2e-spec.ts, which shares its first starts.
beforeAll(buildUsersCli);

describe('user:create', () => {
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
