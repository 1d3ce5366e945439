import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { pino } from 'pino';
import { createNestApp } from '../../../src/app.factory.js';
import { loadConfig } from '../../../src/config/app-config.js';
import { EmbeddedDatabaseBusyError } from '../../../src/database/embedded-lock.js';
import { PrismaService } from '../../../src/database/prisma.service.js';
import { freshDataDir, migratedDataDir } from '../../utils/embedded-data-dir.js';
import { GraphqlClient } from '../../utils/graphql-client.js';
import { LOGIN, ME, logIn } from '../../utils/sessions.js';
import { buildUsersCli, cli, passwordIn, type CliResult } from '../../utils/users-cli.js';

interface Started {
  app: INestApplication;
  /** The admin endpoint, anonymous. */
  admin: GraphqlClient;
  /** What the app logged (warnings and up), and what it printed to the terminal. */
  logs: string;
  printed: string;
}

async function start(dataDir: string): Promise<Started> {
  const logs: string[] = [];
  const printed: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void logs.push(line) });
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => printed.push(String(chunk)) > 0) as typeof process.stdout.write;
  let app: INestApplication;
  try {
    app = await createNestApp(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }), { logger });
  } finally {
    process.stdout.write = write;
  }
  await app.listen(0, '127.0.0.1');
  const admin = new GraphqlClient(`${await baseUrl(app)}/admin/graphql`);
  return { app, admin, logs: logs.join(''), printed: printed.join('') };
}

const baseUrl = async (app: INestApplication) => (await app.getUrl()).replace('[::1]', '127.0.0.1');
const query = async (app: INestApplication, body: string) => {
  const response = await fetch(`${await baseUrl(app)}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: body }),
  });
  return (await response.json()) as { data: any };
};
// Set while a process has the directory open (embedded-lock.ts).
const locked = (dataDir: string) => existsSync(join(dataDir, 'embedded-postgres.json'));
const loginCode = async (admin: GraphqlClient, email: string, password: string | undefined) =>
  (await admin.post(LOGIN, { input: { email, password } })).body.errors?.[0]?.extensions?.code;

// The user tools run built (users-cli.ts).
beforeAll(buildUsersCli);

// The newcomer's path: no DATABASE_URL, so the app starts embedded PostgreSQL in DATA_DIR, migrates,
// seeds the demo content and makes the demo admin once, and keeps both across restarts; the user
// tools work on the same directory, through the app's socket while it runs. A first start on a fresh
// directory is the slowest thing the suite does (PGlite's initdb), so one directory goes through the
// whole sequence (first start, tools while it runs, stop, restart) and the tests share it.
describe('embedded database (no DATABASE_URL)', () => {
  const dataDir = freshDataDir();
  let first: Started | undefined;
  let second: Started | undefined;
  let demoPassword: string | undefined;
  beforeAll(async () => {
    first = await start(dataDir);
    demoPassword = /password: (\S+)/.exec(first.printed)?.[1];
  }, 120_000);
  afterAll(async () => {
    await first?.app.close();
    await second?.app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('first start', () => {
    it('seeds the demo content and answers the Mali query', async () => {
      const seeded = await query(
        first!.app,
        '{ article(slug: "how-the-us-should-respond-to-malis-descent-into-chaos") { headline } articles { totalCount } }',
      );
      expect(seeded.data.article.headline).toMatch(/Mali/);
      expect(seeded.data.articles.totalCount).toBeGreaterThanOrEqual(7);
    });

    it('creates admin@newsdesk.local and shows its random password once', async () => {
      expect(demoPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(first!.printed).toContain('admin@newsdesk.local');
      expect(first!.logs).toContain('"level":40');
      expect(first!.logs).toContain('printed to the terminal');
      // Logs are shipped and kept: the password is on the terminal only.
      expect(first!.logs).not.toContain(demoPassword);
      const { admin } = await logIn(first!.admin, 'admin@newsdesk.local', demoPassword!);
      expect((await admin.data(ME)).me.user).toMatchObject({ email: 'admin@newsdesk.local', role: 'ADMIN' });
    });
  });

  describe('the user tools while the app runs', () => {
    let reset: CliResult;
    let created: CliResult;
    let missing: CliResult;
    beforeAll(async () => {
      const env = { DATA_DIR: dataDir };
      // The demo admin lost its password: reset it while the app runs.
      reset = await cli('reset-password', ['--email', 'admin@newsdesk.local', '--password', 'a brand new admin password'], env);
      created = await cli('create-user', ['--email', 'desk@newsroom.test', '--name', 'Desk', '--role', 'editor'], env);
      missing = await cli('reset-password', ['--email', 'nobody@newsroom.test'], env);
    }, 180_000);

    it('work through its socket and take effect at once', async () => {
      expect(reset.stderr).toBe('');
      expect(reset.status).toBe(0);
      expect(await loginCode(first!.admin, 'admin@newsdesk.local', demoPassword)).toBe('UNAUTHENTICATED');
      await logIn(first!.admin, 'admin@newsdesk.local', 'a brand new admin password');

      expect(created.status).toBe(0);
      const { admin: desk } = await logIn(first!.admin, 'desk@newsroom.test', passwordIn(created.stdout)!);
      expect((await desk.data(ME)).me.user).toMatchObject({ role: 'EDITOR' });

      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain('No user with the email nobody@newsroom.test');
    });

    it('a second app on the directory is refused', async () => {
      // Two processes writing one PGlite directory would corrupt it.
      await expect(
        createNestApp(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }), { logger: pino({ level: 'silent' }) }),
      ).rejects.toBeInstanceOf(EmbeddedDatabaseBusyError);
    });
  });

  describe('after a restart', () => {
    let count: number;
    let lockedWhenStopped: boolean;
    beforeAll(async () => {
      count = (await query(first!.app, '{ articles { totalCount } }')).data.articles.totalCount;
      // An edit made through the database must survive the restart (proves the data is on disk).
      await first!.app.get(PrismaService).tag.update({ where: { slug: 'mali' }, data: { description: 'Coverage of Mali' } });
      await first!.app.close();
      first = undefined;
      lockedWhenStopped = locked(dataDir);
      second = await start(dataDir);
    }, 120_000);

    it('let go of the directory when stopped', () => {
      expect(lockedWhenStopped).toBe(false);
    });

    it('keeps the data on disk without reseeding', async () => {
      const again = await query(second!.app, '{ tag(slug: "mali") { description } articles { totalCount } }');
      expect(again.data).toEqual({ tag: { description: 'Coverage of Mali' }, articles: { totalCount: count } });
    });

    it('makes no second admin and shows no password again', async () => {
      expect(second!.printed).not.toContain('password');
      expect(second!.logs).not.toContain('password');
      // The demo admin and the editor the tool made, nobody else.
      const users = await second!.app.get(PrismaService).user.findMany({ select: { email: true }, orderBy: { email: 'asc' } });
      expect(users.map((user) => user.email)).toEqual(['admin@newsdesk.local', 'desk@newsroom.test']);
      // What the tools changed is on disk too.
      await logIn(second!.admin, 'admin@newsdesk.local', 'a brand new admin password');
    });
  });
});

// The tools open the directory themselves when no app runs, here the first thing to touch it: the
// user they make is the first, so the app then makes no demo admin. The directory is loaded from the
// migrated snapshot rather than fresh (embedded-data-dir.ts): a second initdb would only repeat the
// one above.
describe('the user tools with the app stopped, on a directory without users', () => {
  let dataDir: string;
  let created: CliResult;
  let reset: CliResult;
  let lockedAfterTools: boolean;
  let app: Started | undefined;
  beforeAll(async () => {
    dataDir = await migratedDataDir();
    created = await cli('create-user', ['--email', 'chief@newsroom.test', '--name', 'Chief', '--role', 'admin'], {
      DATA_DIR: dataDir,
    });
    reset = await cli('reset-password', ['--email', 'Chief@Newsroom.test'], { DATA_DIR: dataDir });
    lockedAfterTools = locked(dataDir);
    app = await start(dataDir);
  }, 180_000);
  afterAll(async () => {
    await app?.app.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('open the data directory themselves and let go of it', () => {
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(passwordIn(created.stdout)).toBeDefined();
    expect(reset.status).toBe(0);
    expect(reset.stdout).toContain('Reset the password of admin chief@newsroom.test');
    expect(lockedAfterTools).toBe(false);
  });

  it('then the app starts on it with their changes, and makes no demo admin', async () => {
    // A user exists, so no demo admin is made; the reset password logs in, the first one does not.
    expect(app!.printed).not.toContain('password');
    expect(await loginCode(app!.admin, 'chief@newsroom.test', passwordIn(created.stdout))).toBe('UNAUTHENTICATED');
    const { admin: chief } = await logIn(app!.admin, 'chief@newsroom.test', passwordIn(reset.stdout)!);
    expect((await chief.data(ME)).me.user).toMatchObject({ email: 'chief@newsroom.test', role: 'ADMIN' });
    const audit = await app!.app.get(PrismaService).auditEntry.findMany({
      where: { entityType: 'User' },
      orderBy: { createdAt: 'asc' },
    });
    expect(audit.map((entry) => [entry.action, (entry.details as { via?: string }).via])).toEqual([
      ['user.created', 'cli'],
      ['user.updated', 'cli'],
    ]);
  });
});
