import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { pino } from 'pino';
import { createNestApp } from '../../../src/app.factory.js';
import { loadConfig } from '../../../src/config/app-config.js';
import { EmbeddedDatabaseBusyError } from '../../../src/database/embedded-lock.js';
import { PrismaService } from '../../../src/database/prisma.service.js';
import { GraphqlClient } from '../../utils/graphql-client.js';
import { LOGIN, ME, logIn } from '../../utils/sessions.js';

// `npm run user:create` / `user:reset-password` without DATABASE_URL: the embedded database, opened
// directly while no app runs, and through the running app's socket while it does (PGlite must never
// be opened by two processes). Asynchronously: a running app lives in this test process.
function cli(script: 'create-user' | 'reset-password', dataDir: string, args: string[]) {
  return new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', '@swc-node/register/esm-register', `src/cli/${script}.ts`, ...args],
      { env: { PATH: process.env.PATH, DATA_DIR: dataDir }, encoding: 'utf8', timeout: 90_000 },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

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
    const created = await cli('create-user', dataDir, ['--email', 'chief@newsroom.test', '--name', 'Chief', '--role', 'admin']);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(passwordIn(created.stdout)).toBeDefined();
    const reset = await cli('reset-password', dataDir, ['--email', 'Chief@Newsroom.test']);
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
      const reset = await cli('reset-password', dataDir, [
        '--email',
        'admin@newsdesk.local',
        '--password',
        'a brand new admin password',
      ]);
      expect(reset.stderr).toBe('');
      expect(reset.status).toBe(0);
      expect(
        (await admin.post(LOGIN, { input: { email: 'admin@newsdesk.local', password: demoPassword } })).body.errors?.[0]
          ?.extensions?.code,
      ).toBe('UNAUTHENTICATED');
      await logIn(admin, 'admin@newsdesk.local', 'a brand new admin password');

      const created = await cli('create-user', dataDir, ['--email', 'desk@newsroom.test', '--name', 'Desk', '--role', 'editor']);
      expect(created.status).toBe(0);
      const { admin: desk } = await logIn(admin, 'desk@newsroom.test', passwordIn(created.stdout)!);
      expect((await desk.data(ME)).me.user).toMatchObject({ role: 'EDITOR' });

      const missing = await cli('reset-password', dataDir, ['--email', 'nobody@newsroom.test']);
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
