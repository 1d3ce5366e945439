import { execFile } from 'node:child_process';
import { createTestApp } from '../../utils/create-app.js';
import { ME, logIn } from '../../utils/sessions.js';
import { createTestDatabase, type TestDatabase } from '../../utils/test-database.js';

// `npm run user:create` runs this entry point (built); here it runs from source. Asynchronously: the
// embedded test database lives in this test process and must keep answering while the tool runs.
function createUserCli(args: string[], env: Record<string, string | undefined>) {
  return new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', '@swc-node/register/esm-register', 'src/cli/create-user.ts', ...args],
      { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', timeout: 60_000 },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('user:create', () => {
  let database: TestDatabase;
  const run = (args: string[]) => createUserCli(args, { DATABASE_URL: database.url });

  // The tool and the app take turns: the embedded database serves one session at a time.
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('creates a user with a generated password, printed once, that logs in', async () => {
    const result = await run(['--email', 'Desk@Newsroom.test', '--name', 'Desk Editor', '--role', 'editor']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Created editor desk@newsroom\.test \(id [0-9a-f-]{36}\)/);
    const password = /Password: (\S+)/.exec(result.stdout)?.[1];
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
