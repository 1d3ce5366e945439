import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { pino } from 'pino';
import { createNestApp } from '../../../src/app.factory.js';
import { loadConfig } from '../../../src/config/app-config.js';
import { PrismaService } from '../../../src/database/prisma.service.js';
import { createTestApp } from '../../utils/create-app.js';
import { GraphqlClient } from '../../utils/graphql-client.js';
import { ME, logIn } from '../../utils/sessions.js';
import { createTestDatabase } from '../../utils/test-database.js';

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

  it('on the embedded demo, creates admin@newsdesk.local and shows its random password once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-demo-admin-'));
    const start = async () => {
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
    try {
      const first = await start();
      try {
        const password = /password: (\S+)/.exec(first.printed)?.[1];
        expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
        expect(first.printed).toContain('admin@newsdesk.local');
        expect(first.logs).toContain('"level":40');
        expect(first.logs).toContain('printed to the terminal');
        // Logs are shipped and kept: the password is on the terminal only.
        expect(first.logs).not.toContain(password);
        const endpoint = `${(await first.app.getUrl()).replace('[::1]', '127.0.0.1')}/admin/graphql`;
        const { admin } = await logIn(new GraphqlClient(endpoint), 'admin@newsdesk.local', password!);
        expect((await admin.data(ME)).me.user).toMatchObject({ email: 'admin@newsdesk.local', role: 'ADMIN' });
      } finally {
        await first.app.close();
      }
      const second = await start();
      try {
        expect(second.printed).not.toContain('password');
        expect(second.logs).not.toContain('password');
        expect(await second.app.get(PrismaService).user.count()).toBe(1);
      } finally {
        await second.app.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
