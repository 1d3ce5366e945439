import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { pino } from 'pino';
import { createNestApp } from '../../../src/app.factory.js';
import { loadConfig } from '../../../src/config/app-config.js';
import { EmbeddedDatabaseBusyError } from '../../../src/database/embedded-lock.js';
import { PrismaService } from '../../../src/database/prisma.service.js';
import { createTestApp } from '../../utils/create-app.js';
import { GraphqlClient } from '../../utils/graphql-client.js';
import { LOGIN, ME, logIn } from '../../utils/sessions.js';
import { createTestDatabase, type TestDatabase } from '../../utils/test-database.js';

// `npm run user:create` / `user:reset-password` run these entry points built, and so do these tests:
// one build-if-stale (a hash check when fresh) instead of every run compiling the app's import graph
// from source. Asynchronously: the test database (embedded, or a running app) lives in this test
// process and must keep answering while the tool runs. `env` says which database: DATABASE_URL, or
// DATA_DIR for the embedded one.
beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-if-stale.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
});

function cli(script: 'create-user' | 'reset-password', args: string[], env: Record<string, string>) {
  return new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [`dist/cli/${script}.js`, ...args],
      { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', timeout: 90_000 },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('user:create', () => {
  let database: TestDatabase;
  const run = (args: string[]) => cli('create-user', args, { DATABASE_URL: database.url });

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

const passwordIn = (stdout: string) => /Password: (\S+)/.exec(stdout)?.[1];

async function startApp(dataDir: string) {
  const printed: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string) => printed.push(String(chunk)) > 0) as typeof process.stdout.write;
  let app: INestApplication;
  try {
    app = await createNestApp(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }), { logger: pino({ level: 'silent' }) });
  } finally {
    process.stdout.write = write;
  }
  await app.listen(0, '127.0.0.1');
  const admin = new GraphqlClient(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/admin/graphql`);
  return { app, admin, printed: printed.join('') };
}

describe('user command-line tools on the embedded database', () => {
  const dirs: string[] = [];
  const freshDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-users-cli-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('with the app stopped: opens the data directory itself, and the app then starts on it', async () => {
    const dataDir = freshDataDir();
    const created = await cli('create-user', ['--email', 'chief@newsroom.test', '--name', 'Chief', '--role', 'admin'], {
      DATA_DIR: dataDir,
    });
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(passwordIn(created.stdout)).toBeDefined();
    const reset = await cli('reset-password', ['--email', 'Chief@Newsroom.test'], { DATA_DIR: dataDir });
    expect(reset.status).toBe(0);
    expect(reset.stdout).toContain('Reset the password of admin chief@newsroom.test');
    const password = passwordIn(reset.stdout)!;
    // The tool let go of the directory when it finished.
    expect(existsSync(join(dataDir, 'embedded-postgres.json'))).toBe(false);

    const { app, admin, printed } = await startApp(dataDir);
    try {
      // A user exists, so no demo admin is made; the reset password logs in, the first one does not.
      expect(printed).not.toContain('password');
      expect(
        (await admin.post(LOGIN, { input: { email: 'chief@newsroom.test', password: passwordIn(created.stdout) } })).body
          .errors?.[0]?.extensions?.code,
      ).toBe('UNAUTHENTICATED');
      const { admin: chief } = await logIn(admin, 'chief@newsroom.test', password);
      expect((await chief.data(ME)).me.user).toMatchObject({ email: 'chief@newsroom.test', role: 'ADMIN' });
      const audit = await app.get(PrismaService).auditEntry.findMany({
        where: { entityType: 'User' },
        orderBy: { createdAt: 'asc' },
      });
      expect(audit.map((entry) => [entry.action, (entry.details as { via?: string }).via])).toEqual([
        ['user.created', 'cli'],
        ['user.updated', 'cli'],
      ]);
    } finally {
      await app.close();
    }
  }, 180_000);

  it('with the app running: works through its socket, takes effect at once, and a second app is refused', async () => {
    const dataDir = freshDataDir();
    const { app, admin, printed } = await startApp(dataDir);
    try {
      const demoPassword = /password: (\S+)/.exec(printed)?.[1];
      expect(demoPassword).toBeDefined();
      // The demo admin lost its password: reset it while the app runs.
      const reset = await cli('reset-password', ['--email', 'admin@newsdesk.local', '--password', 'a brand new admin password'], {
        DATA_DIR: dataDir,
      });
      expect(reset.stderr).toBe('');
      expect(reset.status).toBe(0);
      expect(
        (await admin.post(LOGIN, { input: { email: 'admin@newsdesk.local', password: demoPassword } })).body.errors?.[0]
          ?.extensions?.code,
      ).toBe('UNAUTHENTICATED');
      await logIn(admin, 'admin@newsdesk.local', 'a brand new admin password');

      const created = await cli('create-user', ['--email', 'desk@newsroom.test', '--name', 'Desk', '--role', 'editor'], {
        DATA_DIR: dataDir,
      });
      expect(created.status).toBe(0);
      const { admin: desk } = await logIn(admin, 'desk@newsroom.test', passwordIn(created.stdout)!);
      expect((await desk.data(ME)).me.user).toMatchObject({ role: 'EDITOR' });

      const missing = await cli('reset-password', ['--email', 'nobody@newsroom.test'], { DATA_DIR: dataDir });
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain('No user with the email nobody@newsroom.test');

      // Two processes writing one PGlite directory would corrupt it.
      await expect(
        createNestApp(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }), { logger: pino({ level: 'silent' }) }),
      ).rejects.toBeInstanceOf(EmbeddedDatabaseBusyError);
    } finally {
      await app.close();
    }
    expect(existsSync(join(dataDir, 'embedded-postgres.json'))).toBe(false);
  }, 180_000);
});
