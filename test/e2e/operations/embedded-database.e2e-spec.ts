import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { pino } from 'pino';
import { createNestApp } from '../../../src/app.factory.js';
import { loadConfig } from '../../../src/config/app-config.js';
import { PrismaService } from '../../../src/database/prisma.service.js';
import { GraphqlClient } from '../../utils/graphql-client.js';
import { ME, logIn } from '../../utils/sessions.js';

interface Started {
  app: INestApplication;
  /** What the app logged (warnings and up), and what it printed to the terminal. */
  logs: string;
  printed: string;
}

// The newcomer's path: no DATABASE_URL, so the app starts embedded PostgreSQL in DATA_DIR, migrates,
// seeds the demo content and makes the demo admin once, and keeps both across restarts. One first
// start and one restart carry every check: a first start on a fresh directory is the slowest thing
// the suite does (PGlite's initdb), so the tests share it rather than each paying for their own.
describe('embedded database (no DATABASE_URL)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-embedded-'));
  const start = async (): Promise<Started> => {
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
    return { app, logs: logs.join(''), printed: printed.join('') };
  };
  const baseUrl = async (app: INestApplication) => (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const query = async (app: INestApplication, body: string) => {
    const response = await fetch(`${await baseUrl(app)}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: body }),
    });
    return (await response.json()) as { data: any };
  };

  let first: Started | undefined;
  let second: Started | undefined;
  beforeAll(async () => {
    first = await start();
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
      const password = /password: (\S+)/.exec(first!.printed)?.[1];
      expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(first!.printed).toContain('admin@newsdesk.local');
      expect(first!.logs).toContain('"level":40');
      expect(first!.logs).toContain('printed to the terminal');
      // Logs are shipped and kept: the password is on the terminal only.
      expect(first!.logs).not.toContain(password);
      const { admin } = await logIn(
        new GraphqlClient(`${await baseUrl(first!.app)}/admin/graphql`),
        'admin@newsdesk.local',
        password!,
      );
      expect((await admin.data(ME)).me.user).toMatchObject({ email: 'admin@newsdesk.local', role: 'ADMIN' });
    });
  });

  describe('after a restart', () => {
    let count: number;
    beforeAll(async () => {
      count = (await query(first!.app, '{ articles { totalCount } }')).data.articles.totalCount;
      // An edit made through the database must survive the restart (proves the data is on disk).
      await first!.app.get(PrismaService).tag.update({ where: { slug: 'mali' }, data: { description: 'Coverage of Mali' } });
      await first!.app.close();
      first = undefined;
      second = await start();
    }, 120_000);

    it('keeps the data on disk without reseeding', async () => {
      const again = await query(second!.app, '{ tag(slug: "mali") { description } articles { totalCount } }');
      expect(again.data).toEqual({ tag: { description: 'Coverage of Mali' }, articles: { totalCount: count } });
    });

    it('makes no second admin and shows no password again', async () => {
      expect(second!.printed).not.toContain('password');
      expect(second!.logs).not.toContain('password');
      expect(await second!.app.get(PrismaService).user.count()).toBe(1);
    });
  });
});
