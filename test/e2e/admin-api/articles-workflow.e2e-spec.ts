import { toGlobalId } from '../../../src/common/global-id.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { attempt, mutateArticle } from '../../utils/admin-articles.js';
import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

describe('admin API: publishing workflow', () => {
  let t: TestApp;
  let editor: LoggedIn;
  let factory: ContentFactory;
  const publicArticle = async (slug: string) =>
    (await t.graphql.data(`query($slug: String!) { article(slug: $slug) { headline dek slug tags { slug } } }`, { slug }))
      .article;

  beforeAll(async () => {
    t = await createTestApp();
    editor = await loginAs(t, 'EDITOR');
    factory = new ContentFactory(t.prisma);
  });
  afterAll(() => t.close());

  it('creates a draft from the simplest input, with a generated slug and a first revision', async () => {
    const article = await mutateArticle(editor.admin, 'createArticle', {
      headline: 'Juntas of the Sahel dig in',
      body: [{ type: 'paragraph', text: 'plain text' }],
    });
    expect(article).toMatchObject({
      status: 'DRAFT',
      version: 1,
      slug: 'juntas-of-the-sahel-dig-in',
      publishedAt: null,
      trashed: false,
    });
    expect(await publicArticle(article.slug)).toBeNull();
    expect(await t.prisma.articleRevision.count({ where: { article: { slug: article.slug } } })).toBe(1);
    const again = await mutateArticle(editor.admin, 'createArticle', { headline: 'Juntas of the Sahel dig in' });
    expect(again.slug).toBe('juntas-of-the-sahel-dig-in-2');
  });

  it('goes draft -> published -> archived -> published, keeping the first publication date', async () => {
    const draft = await mutateArticle(editor.admin, 'createArticle', { headline: 'Workflow piece' });
    const published = await mutateArticle(editor.admin, 'publishArticle', { id: draft.id });
    expect(published).toMatchObject({ status: 'PUBLISHED', version: 2 });
    expect(published.publishedAt).not.toBeNull();
    expect(await publicArticle(draft.slug)).toMatchObject({ headline: 'Workflow piece' });

    expect((await attempt(editor.admin, 'publishArticle', { id: draft.id })).code).toBe('CONFLICT');

    const archived = await mutateArticle(editor.admin, 'unpublishArticle', { id: draft.id });
    expect(archived.status).toBe('ARCHIVED');
    expect(await publicArticle(draft.slug)).toBeNull();
    expect((await attempt(editor.admin, 'unpublishArticle', { id: draft.id })).code).toBe('CONFLICT');

    const republished = await mutateArticle(editor.admin, 'publishArticle', { id: draft.id });
    expect(republished.publishedAt).toBe(published.publishedAt);
  });

  it('schedules, reschedules and unschedules; refuses a time in the past', async () => {
    const draft = await mutateArticle(editor.admin, 'createArticle', { headline: 'Scheduled piece' });
    expect(
      (await attempt(editor.admin, 'scheduleArticle', { id: draft.id, publishAt: '2001-01-01T00:00:00Z' })).error?.extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [{ path: 'input.publishAt', message: 'must be in the future' }],
    });
    const later = new Date(Date.now() + 3600e3).toISOString();
    const scheduled = await mutateArticle(editor.admin, 'scheduleArticle', { id: draft.id, publishAt: later });
    expect(scheduled).toMatchObject({ status: 'SCHEDULED', scheduledAt: later });
    expect(await t.prisma.job.count({ where: { dedupeKey: `article.publish:${await idOf(draft.slug)}` } })).toBe(1);
    expect(await publicArticle(draft.slug)).toBeNull();

    const unscheduled = await mutateArticle(editor.admin, 'unpublishArticle', { id: draft.id });
    expect(unscheduled).toMatchObject({ status: 'DRAFT', scheduledAt: null });
    expect(await t.prisma.job.count({ where: { dedupeKey: `article.publish:${await idOf(draft.slug)}` } })).toBe(0);

    await mutateArticle(editor.admin, 'scheduleArticle', { id: draft.id, publishAt: later });
    const publishedNow = await mutateArticle(editor.admin, 'publishArticle', { id: draft.id });
    expect(publishedNow).toMatchObject({ status: 'PUBLISHED', scheduledAt: null });
    expect(await t.prisma.job.count({ where: { dedupeKey: `article.publish:${await idOf(draft.slug)}` } })).toBe(0);
    expect((await attempt(editor.admin, 'scheduleArticle', { id: draft.id, publishAt: later })).code).toBe('CONFLICT');
  });

  it('keeps edits to a live article pending until they are published, and old slugs resolving', async () => {
    const tag = await factory.tag({ slug: 'pending-tag' });
    const draft = await mutateArticle(editor.admin, 'createArticle', { headline: 'Live headline', dek: 'Live dek' });
    const live = await mutateArticle(editor.admin, 'publishArticle', { id: draft.id });

    const pending = await mutateArticle(editor.admin, 'updateArticle', {
      id: live.id,
      expectedVersion: live.version,
      headline: 'Corrected headline',
      slug: 'corrected-headline',
      tagIds: [toGlobalId('Tag', tag.id)],
    });
    expect(pending).toMatchObject({
      status: 'PUBLISHED',
      hasPendingChanges: true,
      headline: 'Corrected headline',
      slug: 'corrected-headline',
    });
    // The public still sees the version that was published.
    expect(await publicArticle('live-headline')).toEqual({
      headline: 'Live headline',
      dek: 'Live dek',
      slug: 'live-headline',
      tags: [],
    });
    expect(await publicArticle('corrected-headline')).toBeNull();

    const applied = await mutateArticle(editor.admin, 'publishArticle', { id: live.id, expectedVersion: pending.version });
    expect(applied).toMatchObject({ hasPendingChanges: false, headline: 'Corrected headline' });
    const expected = {
      headline: 'Corrected headline',
      dek: 'Live dek',
      slug: 'corrected-headline',
      tags: [{ slug: 'pending-tag' }],
    };
    expect(await publicArticle('corrected-headline')).toEqual(expected);
    expect(await publicArticle('live-headline')).toEqual(expected);
  });

  it('applies pending changes when a live article is unpublished, so no edit is lost', async () => {
    const live = await mutateArticle(editor.admin, 'publishArticle', {
      id: (await mutateArticle(editor.admin, 'createArticle', { headline: 'Before' })).id,
    });
    await mutateArticle(editor.admin, 'updateArticle', { id: live.id, expectedVersion: live.version, headline: 'After' });
    const archived = await mutateArticle(editor.admin, 'unpublishArticle', { id: live.id });
    expect(archived).toMatchObject({ status: 'ARCHIVED', hasPendingChanges: false, headline: 'After' });
  });

  it('trashes (hiding from the public), restores, and lets only admins purge', async () => {
    const live = await mutateArticle(editor.admin, 'publishArticle', {
      id: (await mutateArticle(editor.admin, 'createArticle', { headline: 'Trash me' })).id,
    });
    const rowId = await idOf('trash-me');
    const trashed = await mutateArticle(editor.admin, 'trashArticle', { id: live.id });
    expect(trashed).toMatchObject({ trashed: true, status: 'PUBLISHED' });
    expect(await publicArticle('trash-me')).toBeNull();
    expect(
      (await attempt(editor.admin, 'updateArticle', { id: live.id, expectedVersion: trashed.version, headline: 'x' })).code,
    ).toBe('CONFLICT');
    expect((await mutateArticle(editor.admin, 'restoreArticle', { id: live.id })).trashed).toBe(false);
    expect(await publicArticle('trash-me')).toMatchObject({ headline: 'Trash me' });

    expect((await attempt(editor.admin, 'purgeArticle', { id: live.id }, 'id')).code).toBe('FORBIDDEN');
    const { admin } = await loginAs(t, 'ADMIN');
    expect((await attempt(admin, 'purgeArticle', { id: live.id }, 'id')).data).toEqual({ id: live.id });
    expect(await t.prisma.article.count({ where: { slug: 'trash-me' } })).toBe(0);
    expect(await t.prisma.articleRevision.count({ where: { articleId: rowId } })).toBe(0);
  });

  it('cancels the schedule of a trashed article, so restoring it never publishes by surprise', async () => {
    const draft = await mutateArticle(editor.admin, 'createArticle', { headline: 'Scheduled then trashed' });
    await mutateArticle(editor.admin, 'scheduleArticle', {
      id: draft.id,
      publishAt: new Date(Date.now() + 3600e3).toISOString(),
    });
    const rowId = await idOf(draft.slug);
    expect(await t.prisma.job.count({ where: { dedupeKey: `article.publish:${rowId}` } })).toBe(1);
    expect(await mutateArticle(editor.admin, 'trashArticle', { id: draft.id })).toMatchObject({
      trashed: true,
      status: 'DRAFT',
      scheduledAt: null,
    });
    expect(await t.prisma.job.count({ where: { dedupeKey: `article.publish:${rowId}` } })).toBe(0);
    expect(await mutateArticle(editor.admin, 'restoreArticle', { id: draft.id })).toMatchObject({
      trashed: false,
      status: 'DRAFT',
    });
  });

  it('records every change in the audit log with the actor', async () => {
    const draft = await mutateArticle(editor.admin, 'createArticle', { headline: 'Audited piece' });
    await mutateArticle(editor.admin, 'publishArticle', { id: draft.id });
    const { admin } = await loginAs(t, 'ADMIN');
    // Content is named by its global id in the audit log too, as in every other admin query.
    const { auditEntries } = await admin.data(
      `query($id: ID!) { auditEntries(entityId: $id) { edges { node { action actorId actorKind entityType entityId } } } }`,
      { id: draft.id },
    );
    const by = { actorId: editor.user.id, actorKind: 'user', entityType: 'Article', entityId: draft.id };
    expect(auditEntries.edges.map((edge: any) => edge.node)).toEqual([
      { action: 'article.published', ...by },
      { action: 'article.created', ...by },
    ]);
  });

  async function idOf(slug: string): Promise<string> {
    return (
      (await t.prisma.article.findFirst({ where: { OR: [{ slug }, { oldSlugs: { some: { slug } } }] }, select: { id: true } }))
        ?.id ?? 'none'
    );
  }
});
