import { SignJWT } from 'jose';
import { AppKeys } from '../../../src/config/app-secret.js';
import { attempt, mutateArticle } from '../../utils/admin-articles.js';
import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

describe('admin API: revisions, concurrency and previews', () => {
  let t: TestApp;
  let editor: LoggedIn;

  beforeAll(async () => {
    t = await createTestApp();
    editor = await loginAs(t, 'EDITOR');
  });
  afterAll(() => t.close());

  it('keeps a revision per save, compares two field by field, and restores one as a new save', async () => {
    const v1 = await mutateArticle(editor.admin, 'createArticle', { headline: 'First headline', dek: 'Dek one', body: [] });
    const v2 = await mutateArticle(editor.admin, 'updateArticle', { id: v1.id, expectedVersion: 1, headline: 'Second headline' });
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
      (await t.graphql.data(`query($slug: String!) { article(slug: $slug) { headline } }`, { slug: live.slug })).article.headline,
    ).toBe('Other draft');
  });
});
