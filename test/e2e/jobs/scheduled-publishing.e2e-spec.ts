import { pino } from 'pino';
import { loadConfig, type AppConfig } from '../../../src/config/app-config.js';
import { PrismaService } from '../../../src/database/prisma.service.js';
import { JobRegistry } from '../../../src/jobs/job-registry.js';
import { createWorkerContext } from '../../../src/worker.factory.js';
import { mutateArticle } from '../../utils/admin-articles.js';
import { loginAs } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { createTestDatabase, type TestDatabase } from '../../utils/test-database.js';
import { TestClock } from '../../utils/clock.js';
import { sleep, waitFor } from '../../utils/wait-for.js';
import { onPostgres } from '../../utils/on-postgres.js';

// Two app instances on one database need a server: the embedded one is a single session.
const onServer = onPostgres(it, 'scheduled publishing across instances');

// Every app here reads the time from this clock: a schedule an hour ahead comes due when the test
// moves the clock an hour on, not after an hour (or a second) of waiting.
const clock = new TestClock();
const HOUR = 3_600_000;
const ahead = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();
// The runner polls every 100 ms: this is several polls, in which nothing that is not due may run.
const someTicks = () => sleep(400);

async function publicArticle(t: TestApp, slug: string) {
  const { article } = await t.graphql.data(`query($slug: String!) { article(slug: $slug) { headline publishedAt } }`, { slug });
  return article;
}

async function scheduledDraft(t: TestApp, headline: string, delayMs = HOUR) {
  const editor = await loginAs(t, 'EDITOR');
  const draft = await mutateArticle(editor.admin, 'createArticle', { headline });
  return mutateArticle(editor.admin, 'scheduleArticle', { id: draft.id, publishAt: ahead(delayMs) });
}

const publishedAudits = (t: TestApp, articleId: string) =>
  t.prisma.auditEntry.findMany({ where: { action: 'article.published', entityId: articleId } });

describe('scheduled publishing', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({}, undefined, { clock });
  });
  afterAll(() => t.close());

  it('publishes a scheduled article by itself when its time comes, as the system', async () => {
    const editor = await loginAs(t, 'EDITOR');
    const draft = await mutateArticle(editor.admin, 'createArticle', { headline: 'Election night results' });
    // Rescheduling replaces the first publish job: the later call's time wins.
    await mutateArticle(editor.admin, 'scheduleArticle', { id: draft.id, publishAt: ahead(HOUR) });
    const publishAt = ahead(2 * HOUR);
    const scheduled = await mutateArticle(editor.admin, 'scheduleArticle', { id: draft.id, publishAt });
    clock.advance(HOUR + 1000);
    await someTicks();
    expect(await publicArticle(t, scheduled.slug)).toBeNull();

    clock.advance(HOUR);
    const live = await waitFor(() => publicArticle(t, scheduled.slug), 8000, 'the article to go live');
    expect(live).toEqual({ headline: 'Election night results', publishedAt: publishAt });
    const row = await t.prisma.article.findFirstOrThrow({ where: { slug: scheduled.slug } });
    expect(row).toMatchObject({ status: 'PUBLISHED', scheduledAt: null, version: scheduled.version + 1 });
    const audits = await publishedAudits(t, row.id);
    expect(audits).toMatchObject([{ actorKind: 'system', actorId: null }]);
    expect(
      await t.prisma.job.findMany({ where: { name: 'article.publish-scheduled', payload: { equals: { articleId: row.id } } } }),
    ).toMatchObject([{ attempts: 1, completedAt: expect.any(Date), dedupeKey: null }]);
  });

  it('does not publish an article whose schedule was cancelled', async () => {
    const editor = await loginAs(t, 'EDITOR');
    const draft = await mutateArticle(editor.admin, 'createArticle', { headline: 'Embargoed statement' });
    await mutateArticle(editor.admin, 'scheduleArticle', { id: draft.id, publishAt: ahead(HOUR) });
    await mutateArticle(editor.admin, 'unpublishArticle', { id: draft.id });

    clock.advance(HOUR + 1000);
    await someTicks();
    expect(await publicArticle(t, draft.slug)).toBeNull();
    expect(await t.prisma.article.findFirstOrThrow({ where: { slug: draft.slug } })).toMatchObject({ status: 'DRAFT' });
  });

  onServer('publishes exactly once with two instances, even when its job runs twice', async () => {
    const second = await createTestApp({}, t.database, { clock });
    try {
      const scheduled = await scheduledDraft(t, 'Summit communique');
      const row = await t.prisma.article.findFirstOrThrow({ where: { slug: scheduled.slug } });
      // A second publish job for the same article (as a rerun would make), due at the same time, so
      // both instances are likely to try at once: the workflow must still publish only once.
      await t.prisma.job.create({
        data: { name: 'article.publish-scheduled', payload: { articleId: row.id }, runAt: row.scheduledAt! },
      });

      clock.advance(HOUR + 1000);
      await waitFor(() => publicArticle(second, scheduled.slug), 8000, 'the article to go live');
      await waitFor(
        async () =>
          (await t.prisma.job.count({
            where: { payload: { equals: { articleId: row.id } }, completedAt: null, failedAt: null },
          })) === 0,
        8000,
        'both jobs to finish',
      );
      expect(await publishedAudits(t, row.id)).toHaveLength(1);
      const published = await t.prisma.article.findUniqueOrThrow({ where: { id: row.id } });
      expect(published.version).toBe(scheduled.version + 1);
      expect(await t.prisma.articleRevision.count({ where: { articleId: row.id, version: { gt: scheduled.version } } })).toBe(1);
    } finally {
      await second.close();
    }
  });

  // One database that no instance runs jobs on while both articles are scheduled: the restart is due
  // first, the worker's article an hour later, so the restarted app cannot publish the worker's.
  // (Both roles run one at a time: the embedded test database is a single session.)
  describe('with no instance running jobs when a schedule comes due', () => {
    let database: TestDatabase;
    let config: AppConfig;
    let forRestart: { slug: string };
    let forWorker: { slug: string };

    beforeAll(async () => {
      database = await createTestDatabase();
      const stopped = await createTestApp({ JOBS_ENABLED: 'false' }, database, { clock });
      try {
        config = stopped.config;
        forRestart = await scheduledDraft(stopped, 'Overnight decision');
        forWorker = await scheduledDraft(stopped, 'Published by the worker', 2 * HOUR);
        clock.advance(HOUR + 1000);
        await someTicks();
        expect(await publicArticle(stopped, forRestart.slug)).toBeNull(); // due, but nobody runs jobs
      } finally {
        await stopped.close();
      }
    });
    afterAll(() => database.drop());

    it('publishes after a restart an article whose time passed while no instance ran', async () => {
      const restarted = await createTestApp({}, database, { clock });
      try {
        const live = await waitFor(() => publicArticle(restarted, forRestart.slug), 8000, 'the article to go live');
        expect(live.headline).toBe('Overnight decision');
        const row = await restarted.prisma.article.findFirstOrThrow({ where: { slug: forRestart.slug } });
        expect(await publishedAudits(restarted, row.id)).toHaveLength(1);
      } finally {
        await restarted.close();
      }
    });

    it('is done by the worker role, which serves no HTTP', async () => {
      // Due only now, with the web app stopped: only the worker can publish it.
      clock.advance(HOUR);
      const worker = await createWorkerContext(
        loadConfig({
          NODE_ENV: 'test',
          APP_SECRET: config.appSecret,
          DATABASE_URL: database.url,
          DATABASE_POOL_SIZE: String(database.poolSize),
          JOBS_POLL_INTERVAL_MS: '100',
        }),
        { logger: pino({ level: process.env.LOG_LEVEL ?? 'silent' }), clock },
      );
      try {
        expect(worker.get(JobRegistry).names()).toContain('article.publish-scheduled');
        const prisma = worker.get(PrismaService);
        const published = await waitFor(
          async () => {
            const row = await prisma.article.findFirstOrThrow({ where: { slug: forWorker.slug } });
            return row.status === 'PUBLISHED' ? row : undefined;
          },
          8000,
          'the worker to publish the article',
        );
        expect(await prisma.auditEntry.count({ where: { action: 'article.published', entityId: published.id } })).toBe(1);
        // Partners learn of it as of any publish: the worker's transaction wrote its change-feed row.
        expect(await prisma.changeEvent.count({ where: { action: 'published', entityId: published.id } })).toBe(1);
      } finally {
        await worker.close();
      }
    });
  });
});
