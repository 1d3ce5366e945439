import pg from 'pg';
import { z } from 'zod';
import type { Job } from '../../../src/generated/prisma/client.js';
import type { EnqueueJob, JobRecord } from '../../../src/jobs/job-handler.js';
import { JobQueueService } from '../../../src/jobs/job-queue.service.js';
import { JobRegistry } from '../../../src/jobs/job-registry.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { createTestDatabase, type TestDatabase } from '../../utils/test-database.js';
import { sleep, waitFor } from '../../utils/wait-for.js';
import { onPostgres } from '../../utils/on-postgres.js';
import { randomUUID } from 'node:crypto';
import { RETENTION_JOB, RetentionJob, nextSlot } from '../../../src/retention/retention.job.js';
import { RetentionService } from '../../../src/retention/retention.service.js';
import { createUser } from '../../utils/auth.js';

// Two app instances on one database need a server: the embedded one is a single session.
const onServer = onPostgres(it, 'job queue with several workers');

const payloadSchema = z.object({ key: z.string() });

interface Run {
  jobId: string;
  key: string;
  attempts: number;
  instance: string;
}

// A test-only handler that records each run, then does what `behave` says (throw, wait...).
function register(t: TestApp, name: string, runs: Run[], behave: (run: Run) => Promise<void> = async () => {}, instance = 'a') {
  t.app.get(JobRegistry).register({
    name,
    schema: payloadSchema,
    async handle(payload: z.output<typeof payloadSchema>, job: JobRecord) {
      const run = { jobId: job.id, key: payload.key, attempts: job.attempts, instance };
      runs.push(run);
      await behave(run);
    },
  });
}

function enqueue(t: TestApp, ...jobs: EnqueueJob[]): Promise<string[]> {
  const queue = t.app.get(JobQueueService);
  return t.prisma.$transaction(async (tx) => {
    const ids: string[] = [];
    for (const job of jobs) ids.push(await queue.enqueue(tx, job));
    return ids;
  });
}

function job(t: TestApp, id: string): Promise<Job | null> {
  return t.prisma.job.findUnique({ where: { id } });
}

const finished = (t: TestApp, id: string) => async () => {
  const row = await job(t, id);
  return row?.completedAt || row?.failedAt ? row : undefined;
};

describe('job queue', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('runs a job once and marks it completed', async () => {
    const runs: Run[] = [];
    register(t, 'test.once', runs);
    const [id] = await enqueue(t, { name: 'test.once', payload: { key: 'once' } });

    const done = await waitFor(finished(t, id), 5000, 'the job to finish');
    expect(done).toMatchObject({ attempts: 1, lockedAt: null, lockedBy: null, failedAt: null, lastError: null });
    expect(done.completedAt).toBeInstanceOf(Date);
    await sleep(300); // a few more polls: it must not run again
    expect(runs).toEqual([{ jobId: id, key: 'once', attempts: 1, instance: 'a' }]);
  });

  it('creates no job when the enqueueing transaction rolls back', async () => {
    const queue = t.app.get(JobQueueService);
    const rollback = t.prisma.$transaction(async (tx) => {
      await queue.enqueue(tx, { name: 'test.rolled-back', payload: { key: 'x' } });
      throw new Error('the change failed');
    });
    await expect(rollback).rejects.toThrow('the change failed');
    expect(await t.prisma.job.count({ where: { name: 'test.rolled-back' } })).toBe(0);
  });

  it('retries a failing job with exponential backoff, then marks it failed with the last error', async () => {
    const runs: Run[] = [];
    register(t, 'test.failing', runs, async (run) => {
      throw new Error(`boom on attempt ${run.attempts}`);
    });
    const [id] = await enqueue(t, { name: 'test.failing', payload: { key: 'f' }, maxAttempts: 3 });

    for (const attempts of [1, 2]) {
      const retry = await waitFor(async () => {
        const row = await job(t, id);
        return row?.attempts === attempts && !row.lockedBy ? row : undefined;
      });
      expect(retry).toMatchObject({ completedAt: null, failedAt: null, lockedAt: null });
      expect(retry.lastError).toContain(`boom on attempt ${attempts}`);
      // 2^attempts seconds, ±20%
      const delay = retry.runAt.getTime() - retry.updatedAt.getTime();
      expect(delay).toBeGreaterThanOrEqual(0.8 * 2 ** attempts * 1000 - 50);
      expect(delay).toBeLessThanOrEqual(1.2 * 2 ** attempts * 1000 + 50);
      // Time passes: the retry is due now.
      await t.prisma.job.update({ where: { id }, data: { runAt: new Date() } });
    }

    const failed = await waitFor(finished(t, id), 5000, 'the job to fail');
    expect(failed).toMatchObject({ attempts: 3, completedAt: null, lockedBy: null });
    expect(failed.failedAt).toBeInstanceOf(Date);
    expect(failed.lastError).toContain('boom on attempt 3');
    expect(runs.map((run) => run.attempts)).toEqual([1, 2, 3]);
  });

  it('fails a job whose payload its handler rejects, without retrying', async () => {
    const runs: Run[] = [];
    register(t, 'test.strict', runs);
    // Written around enqueue(), which refuses such payloads: as an older release might have left it.
    const { id } = await t.prisma.job.create({ data: { name: 'test.strict', payload: { key: 42 } } });

    const failed = await waitFor(finished(t, id), 5000, 'the job to fail');
    expect(failed).toMatchObject({ attempts: 1, completedAt: null });
    expect(failed.lastError).toMatch(/^Invalid payload/);
    expect(runs).toEqual([]);
    await expect(enqueue(t, { name: 'test.strict', payload: { key: 42 } })).rejects.toThrow(
      'Invalid payload for job "test.strict"',
    );
  });

  it('replaces the pending job that has the same dedupe key, and frees the key once it has run', async () => {
    const runs: Run[] = [];
    register(t, 'test.dedupe', runs);
    const later = new Date(Date.now() + 3_600_000);
    const [first] = await enqueue(t, { name: 'test.dedupe', payload: { key: 'old' }, runAt: later, dedupeKey: 'dedupe:1' });
    const [second] = await enqueue(t, { name: 'test.dedupe', payload: { key: 'new' }, dedupeKey: 'dedupe:1' });
    expect(second).toBe(first);

    const done = await waitFor(finished(t, first), 5000, 'the job to run');
    expect(done).toMatchObject({ payload: { key: 'new' }, dedupeKey: null, completedAt: expect.any(Date) });
    expect(runs.map((run) => run.key)).toEqual(['new']);
    expect(await t.prisma.job.count({ where: { name: 'test.dedupe' } })).toBe(1);

    // A completed job does not block a new one with its key.
    const [third] = await enqueue(t, { name: 'test.dedupe', payload: { key: 'again' }, dedupeKey: 'dedupe:1' });
    expect(third).not.toBe(first);
    await waitFor(finished(t, third), 5000, 'the new job to run');
    expect(runs.map((run) => run.key)).toEqual(['new', 'again']);
  });

  it('cancels the pending job with a dedupe key', async () => {
    const queue = t.app.get(JobQueueService);
    const later = new Date(Date.now() + 3_600_000);
    const [id] = await enqueue(t, { name: 'test.cancelled', payload: { key: 'c' }, runAt: later, dedupeKey: 'cancel:1' });

    expect(await t.prisma.$transaction((tx) => queue.cancel(tx, 'cancel:1'))).toBe(true);
    expect(await job(t, id)).toBeNull();
    expect(await t.prisma.$transaction((tx) => queue.cancel(tx, 'cancel:1'))).toBe(false);
  });

  it('runs again a job whose worker died holding its lock, once the lock has expired', async () => {
    const runs: Run[] = [];
    register(t, 'test.orphaned', runs);
    const fresh = await t.prisma.job.create({
      data: { name: 'test.orphaned', payload: { key: 'fresh' }, attempts: 1, lockedAt: new Date(), lockedBy: 'alive' },
    });
    const orphaned = await t.prisma.job.create({
      data: {
        name: 'test.orphaned',
        payload: { key: 'orphaned' },
        attempts: 1,
        lockedAt: new Date(Date.now() - 3_600_000),
        lockedBy: 'dead',
      },
    });

    const done = await waitFor(finished(t, orphaned.id), 5000, 'the orphaned job to run');
    expect(done.attempts).toBe(2);
    await sleep(300);
    expect(runs.map((run) => run.key)).toEqual(['orphaned']); // the live lock is respected
    expect(await job(t, fresh.id)).toMatchObject({ lockedBy: 'alive', completedAt: null });
  });

  it('leaves jobs it has no handler for to the instances that do', async () => {
    const [id] = await enqueue(t, { name: 'test.elsewhere', payload: { key: 'e' } });
    await sleep(400);
    expect(await job(t, id)).toMatchObject({ attempts: 0, lockedBy: null, completedAt: null, failedAt: null });
  });

  it('keeps a job enqueued while no instance runs and runs it after a restart', async () => {
    const database = await createTestDatabase();
    try {
      const stopped = await createTestApp({ JOBS_ENABLED: 'false' }, database);
      let id: string;
      try {
        register(stopped, 'test.durable', []);
        [id] = await enqueue(stopped, { name: 'test.durable', payload: { key: 'durable' } });
        await sleep(300);
        expect(await job(stopped, id)).toMatchObject({ attempts: 0, completedAt: null });
      } finally {
        await stopped.close();
      }

      const restarted = await createTestApp({}, database);
      try {
        const runs: Run[] = [];
        register(restarted, 'test.durable', runs);
        const done = await waitFor(finished(restarted, id), 5000, 'the job to run after the restart');
        expect(done).toMatchObject({ attempts: 1, completedAt: expect.any(Date) });
        expect(runs.map((run) => run.jobId)).toEqual([id]);
      } finally {
        await restarted.close();
      }
    } finally {
      await database.drop();
    }
  });

  it('finishes the running job on shutdown and claims no other', async () => {
    const database = await createTestDatabase();
    const client = new pg.Client({ connectionString: database.url });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    try {
      const app = await createTestApp({}, database);
      const runs: Run[] = [];
      register(app, 'test.slow', runs, () => released);
      const [slow, next] = await enqueue(
        app,
        { name: 'test.slow', payload: { key: 'slow' } },
        { name: 'test.slow', payload: { key: 'next' }, runAt: new Date(Date.now() + 300) },
      );
      await waitFor(async () => runs.length === 1, 5000, 'the slow job to start');

      let closed = false;
      const closing = app.close().then(() => (closed = true));
      await sleep(600); // `next` is due by now, but the app is stopping
      const closedWhileRunning = closed;
      release();
      await closing;
      expect(closedWhileRunning).toBe(false);

      await client.connect();
      const { rows } = await client.query('SELECT id, attempts, completed_at FROM jobs WHERE id = ANY($1) ORDER BY run_at', [
        [slow, next],
      ]);
      expect(rows).toEqual([
        { id: slow, attempts: 1, completed_at: expect.any(Date) },
        { id: next, attempts: 0, completed_at: null },
      ]);
      expect(runs.map((run) => run.key)).toEqual(['slow']);
    } finally {
      release();
      await client.end().catch(() => undefined);
      await database.drop();
    }
  });

  onServer('runs each of 50 jobs exactly once with two instances racing for them', async () => {
    const second = await createTestApp({}, t.database);
    try {
      const runs: Run[] = [];
      // A short pause per job, so both instances are busy at once.
      const work = () => sleep(10);
      register(t, 'test.race', runs, work, 'a');
      register(second, 'test.race', runs, work, 'b');
      const ids = await enqueue(
        t,
        ...Array.from({ length: 50 }, (_, i) => ({ name: 'test.race', payload: { key: `race-${i}` } })),
      );

      await waitFor(
        async () => (await t.prisma.job.count({ where: { id: { in: ids }, completedAt: { not: null } } })) === 50,
        15_000,
        'all 50 jobs to complete',
      );
      const perJob = new Map<string, number>();
      for (const run of runs) perJob.set(run.jobId, (perJob.get(run.jobId) ?? 0) + 1);
      expect([...perJob.keys()].sort()).toEqual([...ids].sort());
      expect([...perJob.values()].every((count) => count === 1)).toBe(true);
      expect(new Set(runs.map((run) => run.instance))).toEqual(new Set(['a', 'b']));
    } finally {
      await second.close();
    }
  });
});

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
