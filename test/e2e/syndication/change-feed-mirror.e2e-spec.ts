import { mutateArticle } from '../../utils/admin-articles.js';
import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { changesPage, createPartner, feedSettled, readChanges, type ChangePage } from '../../utils/syndication.js';
import { sleep } from '../../utils/wait-for.js';
import { onPostgres } from '../../utils/on-postgres.js';

// Real concurrency needs a PostgreSQL server: the embedded database runs one transaction at a time.
const onServer = onPostgres(it, 'change-feed mirror under concurrent writes');

const WRITERS = 5;
const RUN_MS = 3000;
const MIN_STEPS = 4;

// A partner's mirror: replaying the feed in order, upserting each article payload and removing the
// article on null, must end with exactly what is published, however writes and reads interleave.
describe('change feed mirror under concurrent writes', () => {
  let t: TestApp;
  let admin: LoggedIn;
  let key: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'ADMIN');
    key = (await createPartner(admin, { name: 'Mirror' })).key;
  });
  afterAll(() => t.close());

  // Each writer owns its articles, so no write fails on another writer's version.
  async function writer(index: number, until: number): Promise<void> {
    let article = await mutateArticle(admin.admin, 'createArticle', { headline: `Writer ${index} draft` });
    // At least MIN_STEPS each, however slow a loaded machine makes them.
    for (let step = 0; Date.now() < until || step < MIN_STEPS; step++) {
      if (article.status !== 'PUBLISHED') {
        article = await mutateArticle(admin.admin, 'publishArticle', { id: article.id });
      } else if (step % 3 === 2) {
        article = await mutateArticle(admin.admin, 'unpublishArticle', { id: article.id });
      } else {
        const headline = `Writer ${index} step ${step}`;
        const pending = await mutateArticle(admin.admin, 'updateArticle', {
          id: article.id,
          expectedVersion: article.version,
          headline,
        });
        article = await mutateArticle(admin.admin, 'publishArticle', { id: article.id, expectedVersion: pending.version });
      }
    }
  }

  function apply(mirror: Map<string, string>, seen: Set<string>, changes: ChangePage['changes']) {
    for (const change of changes) {
      expect(seen.has(change.cursor)).toBe(false);
      seen.add(change.cursor);
      if (change.article) mirror.set(change.id, change.article.headline);
      else mirror.delete(change.id);
    }
  }

  onServer('ends with exactly the published articles and their current headlines, seeing no change twice', async () => {
    const until = Date.now() + RUN_MS;
    const live = new Map<string, string>();
    const seen = new Set<string>();
    let cursor: string | null = null;
    let writing = true;
    const writers = Promise.all(Array.from({ length: WRITERS }, (_, index) => writer(index, until))).finally(() => {
      writing = false;
    });
    while (writing) {
      const page = await changesPage(t, key, cursor, 7);
      apply(live, seen, page.changes);
      cursor = page.nextCursor;
      if (!page.hasMore) await sleep(5);
    }
    await writers;
    await feedSettled(t);
    const rest = await readChanges(t, key, cursor, 7);
    apply(live, seen, rest.changes);

    const published = await t.prisma.article.findMany({
      where: { status: 'PUBLISHED', deletedAt: null, publishedAt: { not: null } },
      select: { id: true, headline: true },
    });
    const expected = new Map(published.map((row) => [Buffer.from(`Article:${row.id}`).toString('base64url'), row.headline]));
    expect(seen.size).toBeGreaterThan(WRITERS * 3);
    expect(new Map([...live].sort())).toEqual(new Map([...expected].sort()));

    const replay = new Map<string, string>();
    const everything = (await readChanges(t, key, null, 50)).changes;
    apply(replay, new Set(), everything);
    expect(new Map([...replay].sort())).toEqual(new Map([...expected].sort()));
    // Not one change was skipped by the live poller, not only the last of each article.
    expect(everything).toHaveLength(await t.prisma.changeEvent.count());
    expect([...seen].sort()).toEqual(everything.map((change) => change.cursor).sort());
  });
});
