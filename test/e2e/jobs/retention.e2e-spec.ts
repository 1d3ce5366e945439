import { randomUUID } from 'node:crypto';
import { RETENTION_JOB, RetentionJob, nextSlot } from '../../../src/retention/retention.job.js';
import { RetentionService } from '../../../src/retention/retention.service.js';
import { createUser } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { onPostgres } from '../../utils/on-postgres.js';
import { createTestDatabase, type TestDatabase } from '../../utils/test-database.js';
import { waitFor } from '../../utils/wait-for.js';

// "Now" is passed in, so rows can be made old without waiting: each rule gets rows just past its
// age and rows just within it, and only the former go. Defaults: jobs 14 days, login attempts 30,
// sessions 7 days after expiry, finished webhook deliveries 30, change events 90.
const NOW = new Date('2030-06-15T12:00:00Z');
const daysBefore = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

describe('retention', () => {
  let t: TestApp;
  const prune = () => t.app.get(RetentionService).prune(NOW);

  beforeAll(async () => {
    t = await createTestApp();
    // Jobs the app ran at start (a migration's one-off job) finished "long before" NOW too.
    await t.prisma.job.deleteMany({ where: { name: { not: RETENTION_JOB } } });
  });
  afterAll(() => t?.close());

  it('prunes completed and failed jobs past their age, never pending ones', async () => {
    const job = (data: Record<string, unknown>) =>
      t.prisma.job.create({ data: { name: 'test.retention', payload: {}, ...data } }).then((row) => row.id);
    const old = [await job({ completedAt: daysBefore(15) }), await job({ failedAt: daysBefore(15) })];
    const kept = [await job({ completedAt: daysBefore(13) }), await job({ runAt: daysBefore(100), createdAt: daysBefore(100) })];
    expect((await prune()).finishedJobsBefore).toBe(2);
    const left = await t.prisma.job.findMany({ where: { id: { in: [...old, ...kept] } }, select: { id: true } });
    expect(left.map((row) => row.id).sort()).toEqual(kept.sort());
  });

  it('prunes login attempts older than 30 days', async () => {
    const email = `${randomUUID()}@newsroom.test`;
    for (const days of [31, 29]) {
      await t.prisma.loginAttempt.create({ data: { email, ip: '203.0.113.1', succeeded: false, createdAt: daysBefore(days) } });
    }
    await prune();
    const left = await t.prisma.loginAttempt.findMany({ where: { email } });
    expect(left.map((row) => row.createdAt)).toEqual([daysBefore(29)]);
  });

  it('prunes sessions (refresh tokens) 7 days after they expired, revoked or not', async () => {
    const user = await createUser(t, 'EDITOR');
    const session = (expiresAt: Date, revokedAt: Date | null = null) =>
      t.prisma.session.create({ data: { userId: user.id, familyId: user.id, tokenHash: randomUUID(), expiresAt, revokedAt } });
    await session(daysBefore(8));
    await session(daysBefore(8), daysBefore(20));
    const recent = await session(daysBefore(6));
    const revokedButUnexpired = await session(daysBefore(-10), daysBefore(40));
    expect((await prune()).sessionsExpiredBefore).toBe(2);
    const left = await t.prisma.session.findMany({ where: { userId: user.id }, select: { id: true } });
    expect(left.map((row) => row.id).sort()).toEqual([recent.id, revokedButUnexpired.id].sort());
  });

  it('prunes delivered and failed webhook deliveries after 30 days, never pending ones', async () => {
    const endpoint = await t.prisma.webhookEndpoint.create({
      data: { url: 'https://hooks.example.com/x', secret: 's', events: [] },
    });
    const delivery = (status: string, days: number) =>
      t.prisma.webhookDelivery
        .create({
          data: { endpointId: endpoint.id, event: 'article.published', payload: {}, status, createdAt: daysBefore(days) },
        })
        .then((row) => ({ id: row.id, label: `${status}:${days}` }));
    const rows = [
      await delivery('SUCCEEDED', 31),
      await delivery('FAILED', 31),
      await delivery('PENDING', 31),
      await delivery('SUCCEEDED', 29),
    ];
    await prune();
    const left = await t.prisma.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, select: { id: true } });
    const labels = rows.filter((row) => left.some((kept) => kept.id === row.id)).map((row) => row.label);
    expect(labels.sort()).toEqual(['PENDING:31', 'SUCCEEDED:29']);
  });

  it('prunes change-feed events after 90 days', async () => {
    const entityId = randomUUID();
    for (const days of [91, 89]) {
      await t.prisma.changeEvent.create({
        data: { action: 'published', entityType: 'Article', entityId, createdAt: daysBefore(days) },
      });
    }
    await prune();
    const left = await t.prisma.changeEvent.findMany({ where: { entityId } });
    expect(left.map((row) => row.createdAt)).toEqual([daysBefore(89)]);
  });

  it('prunes rate-limit counters that expired over an hour ago', async () => {
    const key = randomUUID();
    await t.prisma.rateLimit.createMany({
      data: [
        { key: `${key}:old`, points: 3, expire: BigInt(NOW.getTime() - 2 * 3_600_000) },
        { key: `${key}:live`, points: 3, expire: BigInt(NOW.getTime() + 60_000) },
      ],
    });
    await prune();
    const left = await t.prisma.rateLimit.findMany({ where: { key: { startsWith: key } } });
    expect(left.map((row) => row.key)).toEqual([`${key}:live`]);
  });
});

describe('retention schedule', () => {
  it('puts the next period on the clock', () => {
    expect(nextSlot(new Date('2030-06-15T12:34:56Z'), 60).toISOString()).toBe('2030-06-15T13:00:00.000Z');
    expect(nextSlot(new Date('2030-06-15T13:00:00Z'), 15).toISOString()).toBe('2030-06-15T13:15:00.000Z');
  });

  onPostgres(describe, 'the retention schedule across two instances')('with two instances on one database', () => {
    let database: TestDatabase;
    let a: TestApp;
    let b: TestApp;
    const pending = () => (a ?? b).prisma.job.findMany({ where: { name: RETENTION_JOB, completedAt: null, failedAt: null } });

    beforeAll(async () => {
      database = await createTestDatabase();
      a = await createTestApp({}, database);
      b = await createTestApp({}, database);
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await database?.drop();
    });

    it('schedules each period once, and a run schedules the next', async () => {
      const [first, ...others] = await pending();
      expect(others).toEqual([]);
      // On the hour (RETENTION_INTERVAL_MINUTES=60), within the coming hour.
      expect(first!.runAt.getTime() % 3_600_000).toBe(0);
      expect(first!.runAt.getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);
      // Both instances offer it again (as a restart does): still one run for that period.
      expect(await b.app.get(RetentionJob).scheduleAfter(new Date())).toBe(false);
      expect(await pending()).toHaveLength(1);

      // Make it due now instead of waiting for the hour; one of the two instances runs it.
      await a.prisma.job.update({ where: { id: first!.id }, data: { runAt: new Date(Date.now() - 1000) } });
      await waitFor(
        async () => (await a.prisma.job.findUnique({ where: { id: first!.id } }))?.completedAt,
        20_000,
        'the prune run',
      );
      const next = await pending();
      expect(next).toHaveLength(1);
      expect(next[0]!.runAt.getTime()).toBeGreaterThan(Date.now());
      expect(next[0]!.dedupeKey).not.toBe(first!.dedupeKey);
    });
  });
});
