import { toGlobalId } from '../../../src/common/global-id.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { attempt, mutateArticle } from '../../utils/admin-articles.js';
import { type LoggedIn, loginAs } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import type { ArticleStatus, UserRole } from '../../../src/generated/prisma/client.js';
import { SignJWT } from 'jose';
import { AppKeys } from '../../../src/config/app-secret.js';

type Who = UserRole | 'ANONYMOUS';
type Owner = 'own' | 'other';
type Expected = 'OK' | 'FORBIDDEN' | 'UNAUTHENTICATED';

interface Case {
  mutation: string;
  status: ArticleStatus;
  owner: Owner;
  input: (id: string, version: number) => Record<string, unknown>;
  selection?: string;
  expected: Record<Who, Expected>;
}

const later = () => new Date(Date.now() + 3600e3).toISOString();
const all = (expected: Expected): Record<Who, Expected> => ({
  ANONYMOUS: 'UNAUTHENTICATED',
  CONTRIBUTOR: expected,
  AUTHOR: expected,
  EDITOR: expected,
  ADMIN: expected,
});
const roles = (contributor: Expected, author: Expected, editor: Expected, admin: Expected): Record<Who, Expected> => ({
  ANONYMOUS: 'UNAUTHENTICATED',
  CONTRIBUTOR: contributor,
  AUTHOR: author,
  EDITOR: editor,
  ADMIN: admin,
});
const edit = (id: string, version: number) => ({ id, expectedVersion: version, headline: 'Changed' });
const byId = (id: string) => ({ id });

// Contributors write and edit their own drafts; authors also publish their own; editors handle all;
// only admins purge.
const CASES: Case[] = [
  { mutation: 'updateArticle', status: 'DRAFT', owner: 'own', input: edit, expected: all('OK') },
  {
    mutation: 'updateArticle',
    status: 'DRAFT',
    owner: 'other',
    input: edit,
    expected: roles('FORBIDDEN', 'FORBIDDEN', 'OK', 'OK'),
  },
  { mutation: 'updateArticle', status: 'PUBLISHED', owner: 'own', input: edit, expected: roles('FORBIDDEN', 'OK', 'OK', 'OK') },
  { mutation: 'publishArticle', status: 'DRAFT', owner: 'own', input: byId, expected: roles('FORBIDDEN', 'OK', 'OK', 'OK') },
  {
    mutation: 'publishArticle',
    status: 'DRAFT',
    owner: 'other',
    input: byId,
    expected: roles('FORBIDDEN', 'FORBIDDEN', 'OK', 'OK'),
  },
  {
    mutation: 'scheduleArticle',
    status: 'DRAFT',
    owner: 'own',
    input: (id) => ({ id, publishAt: later() }),
    expected: roles('FORBIDDEN', 'OK', 'OK', 'OK'),
  },
  {
    mutation: 'scheduleArticle',
    status: 'DRAFT',
    owner: 'other',
    input: (id) => ({ id, publishAt: later() }),
    expected: roles('FORBIDDEN', 'FORBIDDEN', 'OK', 'OK'),
  },
  {
    mutation: 'unpublishArticle',
    status: 'PUBLISHED',
    owner: 'own',
    input: byId,
    expected: roles('FORBIDDEN', 'OK', 'OK', 'OK'),
  },
  {
    mutation: 'unpublishArticle',
    status: 'PUBLISHED',
    owner: 'other',
    input: byId,
    expected: roles('FORBIDDEN', 'FORBIDDEN', 'OK', 'OK'),
  },
  { mutation: 'trashArticle', status: 'DRAFT', owner: 'own', input: byId, expected: all('OK') },
  {
    mutation: 'trashArticle',
    status: 'DRAFT',
    owner: 'other',
    input: byId,
    expected: roles('FORBIDDEN', 'FORBIDDEN', 'OK', 'OK'),
  },
  {
    mutation: 'purgeArticle',
    status: 'DRAFT',
    owner: 'own',
    input: byId,
    selection: 'id',
    expected: roles('FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'OK'),
  },
  {
    mutation: 'restoreArticleRevision',
    status: 'DRAFT',
    owner: 'other',
    input: (id, version) => ({ id, version: 1, expectedVersion: version }),
    expected: roles('FORBIDDEN', 'FORBIDDEN', 'OK', 'OK'),
  },
  { mutation: 'createPreviewToken', status: 'DRAFT', owner: 'own', input: byId, selection: 'token', expected: all('OK') },
  {
    mutation: 'createPreviewToken',
    status: 'DRAFT',
    owner: 'other',
    input: byId,
    selection: 'token',
    expected: roles('FORBIDDEN', 'FORBIDDEN', 'OK', 'OK'),
  },
];

const WHO: Who[] = ['ANONYMOUS', 'CONTRIBUTOR', 'AUTHOR', 'EDITOR', 'ADMIN'];

const UNKNOWN = '0193a3c1-6c1e-7d2a-9b1c-0a1b2c3d4e5f';

// One app for the article editing files that need nothing but the default configuration: each case
// works on articles of its own.
describe('admin API: articles', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('publishing workflow', () => {
    let editor: LoggedIn;
    let factory: ContentFactory;
    const publicArticle = async (slug: string) =>
      (await t.graphql.data(`query($slug: String!) { article(slug: $slug) { headline dek slug tags { slug } } }`, { slug }))
        .article;

    beforeAll(async () => {
      editor = await loginAs(t, 'EDITOR');
      factory = new ContentFactory(t.prisma);
    });

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

  describe('who may do what to an article', () => {
    let factory: ContentFactory;
    const users = {} as Record<UserRole, LoggedIn>;
    let stranger: LoggedIn;

    beforeAll(async () => {
      factory = new ContentFactory(t.prisma);
      for (const role of ['CONTRIBUTOR', 'AUTHOR', 'EDITOR', 'ADMIN'] as const) users[role] = await loginAs(t, role);
      stranger = await loginAs(t, 'CONTRIBUTOR');
    });

    it('lets any writer create a draft, and nobody anonymous', async () => {
      for (const who of WHO) {
        const client = who === 'ANONYMOUS' ? t.admin : users[who].admin;
        const { code } = await attempt(client, 'createArticle', { headline: `By ${who}` });
        expect([who, code]).toEqual([who, who === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'OK']);
      }
      expect(await t.prisma.article.count({ where: { headline: 'By ANONYMOUS' } })).toBe(0);
    });

    const rows = CASES.flatMap((testCase) =>
      WHO.map((who) => [testCase.mutation, testCase.status, testCase.owner, who, testCase] as const),
    );

    it.each(rows)('%s on a %s article (%s) as %s', async (mutation, status, owner, who, testCase) => {
      const actor = who === 'ANONYMOUS' ? undefined : users[who];
      const ownerId = owner === 'own' && actor ? actor.user.id : stranger.user.id;
      // With a byline and a body: what publishing needs, so the roles decide alone.
      const article = await factory.article({ status, createdById: ownerId, authors: [await factory.author()] });
      await t.prisma.articleRevision.create({
        data: { articleId: article.id, version: 1, snapshot: { content: contentOf(article) } },
      });
      const before = await t.prisma.article.findUniqueOrThrow({ where: { id: article.id } });

      const input = testCase.input(toGlobalId('Article', article.id), before.version);
      const { code } = await attempt(actor?.admin ?? t.admin, mutation, input, testCase.selection);
      const expected = testCase.expected[who];
      expect(code).toBe(expected);

      if (expected !== 'OK') {
        expect(await t.prisma.article.findUniqueOrThrow({ where: { id: article.id } })).toEqual(before);
        expect(await t.prisma.articleRevision.count({ where: { articleId: article.id } })).toBe(1);
      }
    });
  });

  describe('revisions, concurrency and previews', () => {
    let editor: LoggedIn;

    beforeAll(async () => {
      editor = await loginAs(t, 'EDITOR');
    });

    it('keeps a revision per save, compares two field by field, and restores one as a new save', async () => {
      const v1 = await mutateArticle(editor.admin, 'createArticle', { headline: 'First headline', dek: 'Dek one', body: [] });
      const v2 = await mutateArticle(editor.admin, 'updateArticle', {
        id: v1.id,
        expectedVersion: 1,
        headline: 'Second headline',
      });
      const v3 = await mutateArticle(editor.admin, 'updateArticle', {
        id: v1.id,
        expectedVersion: v2.version,
        dek: null,
        body: [{ type: 'paragraph', text: 'Now with a body' }],
        revisionMessage: 'Added body',
      });
      expect(v3.version).toBe(3);

      const { articleRevisions } = await editor.admin.data(
        `query($id: ID!) { articleRevisions(id: $id) { totalCount edges { node { version message createdById snapshot } } } }`,
        { id: v1.id },
      );
      expect(articleRevisions.totalCount).toBe(3);
      expect(articleRevisions.edges.map((edge: any) => [edge.node.version, edge.node.message])).toEqual([
        [3, 'Added body'],
        [2, null],
        [1, null],
      ]);
      expect(articleRevisions.edges[2].node.createdById).toBe(editor.user.id);
      expect(articleRevisions.edges[1].node.snapshot.content.headline).toBe('Second headline');

      const { compareArticleRevisions } = await editor.admin.data(
        `query($id: ID!) { compareArticleRevisions(id: $id, fromVersion: 1, toVersion: 3) { changes { field before after } } }`,
        { id: v1.id },
      );
      expect(compareArticleRevisions.changes).toEqual([
        { field: 'headline', before: 'First headline', after: 'Second headline' },
        { field: 'dek', before: 'Dek one', after: null },
        { field: 'body', before: [], after: [{ type: 'paragraph', text: 'Now with a body' }] },
      ]);

      const restored = await mutateArticle(editor.admin, 'restoreArticleRevision', { id: v1.id, version: 1, expectedVersion: 3 });
      expect(restored).toMatchObject({ version: 4, headline: 'First headline', dek: 'Dek one', body: [] });
      const latest = await t.prisma.articleRevision.findFirstOrThrow({
        where: { article: { slug: v1.slug } },
        orderBy: { version: 'desc' },
      });
      expect(latest).toMatchObject({ version: 4, message: 'Restored version 1' });
      expect(
        (await attempt(editor.admin, 'restoreArticleRevision', { id: v1.id, version: 9, expectedVersion: 4 })).error?.extensions,
      ).toMatchObject({
        code: 'BAD_USER_INPUT',
        issues: [{ path: 'input.version', message: 'the article has no version 9' }],
      });
    });

    it('lets exactly one of 20 concurrent updates from the same version win; the rest get CONFLICT and no revision is lost', async () => {
      const base = await mutateArticle(editor.admin, 'createArticle', { headline: 'Contended' });
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          attempt(
            editor.admin,
            'updateArticle',
            { id: base.id, expectedVersion: 1, headline: `Edit ${i}` },
            'article { version headline }',
          ),
        ),
      );
      const winners = results.filter((result) => result.code === 'OK');
      const conflicts = results.filter((result) => result.code === 'CONFLICT');
      expect(winners).toHaveLength(1);
      expect(conflicts).toHaveLength(19);
      for (const conflict of conflicts) expect(conflict.error?.extensions?.currentVersion).toBe(2);

      const row = await t.prisma.article.findFirstOrThrow({ where: { slug: base.slug } });
      expect(row).toMatchObject({ version: 2, headline: winners[0]!.data.article.headline });
      const revisions = await t.prisma.articleRevision.findMany({ where: { articleId: row.id }, orderBy: { version: 'asc' } });
      expect(revisions.map((revision) => revision.version)).toEqual([1, 2]);
      expect((revisions[1]!.snapshot as any).content.headline).toBe(winners[0]!.data.article.headline);
    });

    it('mints preview tokens that show one draft or pending version through the public API, and nothing else', async () => {
      const draft = await mutateArticle(editor.admin, 'createArticle', {
        headline: 'Secret draft',
        body: [{ type: 'paragraph', text: 'Embargoed.' }],
      });
      const other = await mutateArticle(editor.admin, 'createArticle', { headline: 'Other draft' });
      const { createPreviewToken } = await editor.admin.data(
        `mutation($input: CreatePreviewTokenInput!) { createPreviewToken(input: $input) { token expiresAt } }`,
        { input: { id: draft.id, expiresInSeconds: 600 } },
      );
      const read = (slug: string, previewToken: string) =>
        t.graphql.post(
          `query($slug: String!, $token: String) { article(slug: $slug, previewToken: $token) { headline bodyHtml } }`,
          {
            slug,
            token: previewToken,
          },
        );

      const preview = await read(draft.slug, createPreviewToken.token);
      expect(preview.body.data).toEqual({ article: { headline: 'Secret draft', bodyHtml: '<p>Embargoed.</p>' } });
      expect(preview.headers.get('cache-control')).not.toMatch(/public/);
      expect((await read(other.slug, createPreviewToken.token)).body.data).toEqual({ article: null });
      expect(
        (await t.graphql.data(`query($slug: String!) { article(slug: $slug) { headline } }`, { slug: draft.slug })).article,
      ).toBeNull();

      const tampered = await read(draft.slug, `${createPreviewToken.token.slice(0, -2)}xx`);
      expect(tampered.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const expired = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject((await t.prisma.article.findFirstOrThrow({ where: { slug: draft.slug } })).id)
        .setAudience('newsdesk-preview')
        .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
        .sign(t.app.get(AppKeys).previewToken);
      expect((await read(draft.slug, expired)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

      // Pending changes of a live article are previewable too.
      const live = await mutateArticle(editor.admin, 'publishArticle', { id: other.id });
      await mutateArticle(editor.admin, 'updateArticle', {
        id: live.id,
        expectedVersion: live.version,
        headline: 'Other draft, corrected',
      });
      const token = (
        await editor.admin.data(`mutation($input: CreatePreviewTokenInput!) { createPreviewToken(input: $input) { token } }`, {
          input: { id: live.id },
        })
      ).createPreviewToken.token;
      expect((await read(live.slug, token)).body.data).toEqual({
        article: { headline: 'Other draft, corrected', bodyHtml: '<p>Body text.</p>' },
      });
      expect(
        (await t.graphql.data(`query($slug: String!) { article(slug: $slug) { headline } }`, { slug: live.slug })).article
          .headline,
      ).toBe('Other draft');
    });
  });

  // Every bad input gets BAD_USER_INPUT naming the bad field, never a 500, and changes nothing.
  // The over-line above the headline: one line in the content table (article-content.ts) gives all of this.
  describe('dateline', () => {
    let editor: LoggedIn;
    const publicDateline = async (slug: string) =>
      (await t.graphql.data(`query($slug: String!) { article(slug: $slug) { dateline } }`, { slug })).article?.dateline;

    beforeAll(async () => {
      editor = await loginAs(t, 'EDITOR');
    });

    it('is set (trimmed), changed and cleared through the admin API, and read by the public once published', async () => {
      const draft = await mutateArticle(editor.admin, 'createArticle', {
        headline: 'Dateline story',
        dateline: '  BAMAKO, Mali ',
      });
      expect(draft.dateline).toBe('BAMAKO, Mali');
      expect((await t.prisma.article.findUniqueOrThrow({ where: { slug: draft.slug } })).dateline).toBe('BAMAKO, Mali');
      expect(await publicDateline(draft.slug)).toBeUndefined();
      // A preview link shows the draft's dateline (the preview maps the working copy to the public shape).
      const { createPreviewToken } = await editor.admin.data(
        `mutation($input: CreatePreviewTokenInput!) { createPreviewToken(input: $input) { token } }`,
        { input: { id: draft.id } },
      );
      const preview = await t.graphql.post(
        `query($slug: String!, $token: String) { article(slug: $slug, previewToken: $token) { dateline } }`,
        {
          slug: draft.slug,
          token: createPreviewToken.token,
        },
      );
      expect(preview.body.data).toEqual({ article: { dateline: 'BAMAKO, Mali' } });

      const live = await mutateArticle(editor.admin, 'publishArticle', { id: draft.id });
      expect(await publicDateline(draft.slug)).toBe('BAMAKO, Mali');

      const changed = await mutateArticle(editor.admin, 'updateArticle', {
        id: live.id,
        expectedVersion: live.version,
        dateline: 'DAKAR',
      });
      expect(changed).toMatchObject({ dateline: 'DAKAR', hasPendingChanges: true });
      // A pending change: the public keeps the published dateline until the changes are published.
      expect(await publicDateline(draft.slug)).toBe('BAMAKO, Mali');
      const applied = await mutateArticle(editor.admin, 'publishArticle', { id: live.id, expectedVersion: changed.version });
      expect(await publicDateline(draft.slug)).toBe('DAKAR');

      const cleared = await mutateArticle(editor.admin, 'updateArticle', {
        id: live.id,
        expectedVersion: applied.version,
        dateline: null,
      });
      await mutateArticle(editor.admin, 'publishArticle', { id: live.id, expectedVersion: cleared.version });
      expect(cleared.dateline).toBeNull();
      expect(await publicDateline(draft.slug)).toBeNull();
    });

    it('is in every revision, compared field by field, and a restore brings it back', async () => {
      const v1 = await mutateArticle(editor.admin, 'createArticle', { headline: 'Dateline revisions', dateline: 'KYIV' });
      const v2 = await mutateArticle(editor.admin, 'updateArticle', { id: v1.id, expectedVersion: v1.version, dateline: null });
      expect(v2.dateline).toBeNull();

      const { compareArticleRevisions } = await editor.admin.data(
        `query($id: ID!) { compareArticleRevisions(id: $id, fromVersion: 1, toVersion: 2) { changes { field before after } } }`,
        { id: v1.id },
      );
      expect(compareArticleRevisions.changes).toEqual([{ field: 'dateline', before: 'KYIV', after: null }]);

      const restored = await mutateArticle(editor.admin, 'restoreArticleRevision', {
        id: v1.id,
        version: 1,
        expectedVersion: v2.version,
      });
      expect(restored).toMatchObject({ version: 3, dateline: 'KYIV' });
      expect((await t.prisma.article.findUniqueOrThrow({ where: { slug: v1.slug } })).dateline).toBe('KYIV');
    });
  });

  describe('bad article input', () => {
    let editor: LoggedIn;
    let existing: { id: string; version: number };

    beforeAll(async () => {
      editor = await loginAs(t, 'EDITOR');
      existing = await mutateArticle(editor.admin, 'createArticle', { headline: 'Existing' });
    });

    const create = (fields: Record<string, unknown>) => ['createArticle', () => ({ headline: 'Fine', ...fields })] as const;
    const update = (fields: Record<string, unknown>) =>
      ['updateArticle', () => ({ id: existing.id, expectedVersion: existing.version, ...fields })] as const;

    const table: [string, readonly [string, () => Record<string, unknown>], string][] = [
      ['empty headline', create({ headline: '   ' }), 'input.headline'],
      ['headline too long', create({ headline: 'x'.repeat(301) }), 'input.headline'],
      ['malformed slug', create({ slug: 'Not A Slug' }), 'input.slug'],
      ['body that is not a list', create({ body: 'plain text' }), 'input.body'],
      ['unknown block type', create({ body: [{ type: 'video', url: 'https://x.test' }] }), 'input.body.0.type'],
      [
        'javascript: link in the body',
        create({ body: [{ type: 'paragraph', children: [{ text: 'x', href: 'javascript:alert(1)' }] }] }),
        'input.body.0.children.0.href',
      ],
      ['javascript: canonical URL', create({ canonicalUrl: 'javascript:alert(1)' }), 'input.canonicalUrl'],
      ['language that is not a BCP 47 tag', create({ language: 'english' }), 'input.language'],
      ['language with an underscore', update({ language: 'en_US' }), 'input.language'],
      ['teaser too long', create({ teaser: 't'.repeat(1001) }), 'input.teaser'],
      ['dateline too long', create({ dateline: 'k'.repeat(61) }), 'input.dateline'],
      ['dateline with a line break', update({ dateline: 'DAKAR\nSenegal' }), 'input.dateline'],
      ['dateline with a control character', create({ dateline: 'DAKAR\u0007' }), 'input.dateline'],
      ['dateline with a NUL', update({ dateline: 'DA\u0000KAR' }), '$input.dateline'],
      ['tag that does not exist', create({ tagIds: [toGlobalId('Tag', UNKNOWN)] }), 'input.tagIds'],
      ['section id of another type', create({ sectionId: toGlobalId('Tag', UNKNOWN) }), 'input.sectionId'],
      ['a tag twice', create({ tagIds: [toGlobalId('Tag', UNKNOWN), toGlobalId('Tag', UNKNOWN)] }), 'input.tagIds'],
      ['garbage article id', ['updateArticle', () => ({ id: 'garbage', expectedVersion: 1 })], 'input.id'],
      ['version 0', update({ expectedVersion: 0 }), 'input.expectedVersion'],
      ['null headline', update({ headline: null }), 'input.headline'],
      [
        'preview lifetime too short',
        ['createPreviewToken', () => ({ id: existing.id, expiresInSeconds: 5 })],
        'input.expiresInSeconds',
      ],
    ];

    it.each(table)('%s', async (_name, [mutation, input], path) => {
      const counts = async () => ({
        articles: await t.prisma.article.count(),
        revisions: await t.prisma.articleRevision.count(),
        audit: await t.prisma.auditEntry.count(),
        version: (await t.prisma.article.findFirstOrThrow({ where: { headline: 'Existing' } })).version,
      });
      const before = await counts();
      const { code, error } = await attempt(
        editor.admin,
        mutation,
        input(),
        mutation === 'createPreviewToken' ? 'token' : 'article { id }',
      );
      expect(code).toBe('BAD_USER_INPUT');
      expect(error?.extensions?.issues.map((issue: { path: string }) => issue.path)).toContain(path);
      expect(await counts()).toEqual(before);
    });
  });

  // "2026-12-01T06:00:00" has no UTC offset: which instant it means depends on the server's time zone.
  // Both endpoints share one strict DateTime scalar (graphql-scalars), which refuses it.
  describe('DateTime: an RFC 3339 date-time with a UTC offset', () => {
    let editor: LoggedIn;

    beforeAll(async () => {
      editor = await loginAs(t, 'EDITOR');
    });

    it('refuses a local time without an offset, as a variable or a literal, and changes nothing', async () => {
      const draft = await mutateArticle(editor.admin, 'createArticle', { headline: 'Timed piece' });
      const viaVariable = await attempt(editor.admin, 'scheduleArticle', { id: draft.id, publishAt: '2030-12-01T06:00:00' });
      expect(viaVariable.code).toBe('BAD_USER_INPUT');
      expect(viaVariable.error?.message).toMatch(/DateTime/);
      const literal = await editor.admin.post(
        `mutation { scheduleArticle(input: { id: "${draft.id}", publishAt: "2030-12-01T06:00:00" }) { article { id } } }`,
      );
      expect(literal.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const roundup = await editor.admin.post(
        '{ newsletterRoundup(from: "2030-11-01T00:00:00", to: "2030-11-08T00:00:00Z") { from } }',
      );
      expect(roundup.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const row = await t.prisma.article.findFirstOrThrow({ where: { headline: 'Timed piece' } });
      expect(row).toMatchObject({ status: 'DRAFT', scheduledAt: null });
    });

    it('accepts Z and numeric offsets, and answers in UTC', async () => {
      const first = await mutateArticle(editor.admin, 'createArticle', { headline: 'Zulu' });
      const zulu = await mutateArticle(editor.admin, 'scheduleArticle', { id: first.id, publishAt: '2030-12-01T06:00:00Z' });
      expect(zulu).toMatchObject({ status: 'SCHEDULED', scheduledAt: '2030-12-01T06:00:00.000Z' });
      const second = await mutateArticle(editor.admin, 'createArticle', { headline: 'Offset' });
      const offset = await mutateArticle(editor.admin, 'scheduleArticle', {
        id: second.id,
        publishAt: '2030-12-01T07:00:00+01:00',
      });
      expect(offset.scheduledAt).toBe('2030-12-01T06:00:00.000Z');
    });

    it('is the same scalar on the public endpoint, documented in its SDL', async () => {
      const article = await new ContentFactory(t.prisma).article({ publishedAt: new Date('2030-01-02T03:04:05.678Z') });
      const { body } = await t.graphql.post(`{ article(slug: "${article.slug}") { publishedAt } }`);
      expect(body.data).toEqual({ article: { publishedAt: '2030-01-02T03:04:05.678Z' } });
      const { body: schema } = await t.graphql.post('{ __type(name: "DateTime") { kind description } }');
      expect(schema.data?.__type).toMatchObject({ kind: 'SCALAR', description: expect.stringContaining('UTC offset') });
    });
  });
});

function contentOf(article: { slug: string; headline: string }) {
  return {
    slug: article.slug,
    headline: article.headline,
    dek: null,
    body: [],
    teaser: null,
    type: 'NEWS',
    sectionId: null,
    seriesId: null,
    featuredImageId: null,
    authorIds: [],
    tagIds: [],
    seoTitle: null,
    seoDescription: null,
    canonicalUrl: null,
  };
}
