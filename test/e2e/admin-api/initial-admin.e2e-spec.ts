import { createTestApp } from '../../utils/create-app.js';
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

  // The embedded demo's admin (admin@newsdesk.local, its password shown once, never logged) is checked
  // in operations/embedded-database.e2e-spec.ts, on the first start that test makes anyway.
});
