import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { pino } from 'pino';
import { createNestApp } from '../../../src/app.factory.js';
import { loadConfig } from '../../../src/config/app-config.js';
import { PrismaService } from '../../../src/database/prisma.service.js';

// The newcomer's path: no DATABASE_URL, so the app starts embedded PostgreSQL in DATA_DIR, migrates,
// seeds the demo content once, and keeps it across restarts.
describe('embedded database (no DATABASE_URL)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-embedded-'));
  const start = async () => {
    const app = await createNestApp(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }), { logger: pino({ level: 'silent' }) });
    await app.listen(0, '127.0.0.1');
    return app;
  };
  const query = async (app: INestApplication, body: string) => {
    const response = await fetch(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: body }),
    });
    return (await response.json()) as { data: any };
  };

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds on first start, answers the Mali query, and persists across a restart without reseeding', async () => {
    const first = await start();
    const seeded = await query(
      first,
      '{ article(slug: "how-the-us-should-respond-to-malis-descent-into-chaos") { headline } articles { totalCount } }',
    );
    expect(seeded.data.article.headline).toMatch(/Mali/);
    const count = seeded.data.articles.totalCount;
    expect(count).toBeGreaterThanOrEqual(7);
    // An edit made through the database must survive the restart (proves the data is on disk).
    await first.get(PrismaService).tag.update({ where: { slug: 'mali' }, data: { description: 'Coverage of Mali' } });
    await first.close();

    const second = await start();
    const again = await query(second, '{ tag(slug: "mali") { description } articles { totalCount } }');
    expect(again.data).toEqual({ tag: { description: 'Coverage of Mali' }, articles: { totalCount: count } });
    await second.close();
  });
});
