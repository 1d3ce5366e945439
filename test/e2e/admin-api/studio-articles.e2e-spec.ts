import { toGlobalId } from '../../../src/common/global-id.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { attempt, mutateArticle } from '../../utils/admin-articles.js';
import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

// What the Studio's screens needed beyond the original admin API: list filters, names beside ids,
// the working body as HTML, the slug history, and discarding pending changes.
const LIST = `query($sectionId: ID, $authorId: ID, $tagId: ID, $status: ArticleStatus, $search: String) {
  adminArticles(sectionId: $sectionId, authorId: $authorId, tagId: $tagId, status: $status, search: $search, first: 50) {
    totalCount edges { node { id headline } }
  }
}`;

const DETAIL = `query($id: ID!) { adminArticle(id: $id) {
  id version slug previousSlugs bodyHtml hasPendingChanges headline
  authors { id name } tags { id name } section { id name } series { id name } featuredImage { id url caption }
} }`;

describe('admin API additions for the Studio', () => {
  let t: TestApp;
  let editor: LoggedIn;
  let factory: ContentFactory;

  beforeAll(async () => {
    t = await createTestApp();
    editor = await loginAs(t, 'EDITOR');
    factory = new ContentFactory(t.prisma);
  });
  afterAll(() => t.close());

  it('filters the admin list by section, byline and tag (global ids), alone and combined', async () => {
    const [section, otherSection] = [await factory.section(), await factory.section()];
    const [author, tag] = [await factory.author(), await factory.tag()];
    const ids = (sectionId: string | null, authorIds: string[], tagIds: string[], headline: string) =>
      mutateArticle(editor.admin, 'createArticle', { headline, sectionId, authorIds, tagIds });
    const sid = toGlobalId('Section', section.id);
    const aid = toGlobalId('Author', author.id);
    const tid = toGlobalId('Tag', tag.id);
    const all = await ids(sid, [aid], [tid], 'All three');
    const sectionOnly = await ids(sid, [], [], 'Section only');
    const authorOnly = await ids(toGlobalId('Section', otherSection.id), [aid], [], 'Author only');
    await ids(null, [], [], 'Nothing');

    const list = async (variables: Record<string, unknown>) =>
      (await editor.admin.data(LIST, variables)).adminArticles.edges.map((edge: any) => edge.node.id).sort();
    expect(await list({ sectionId: sid })).toEqual([all.id, sectionOnly.id].sort());
    expect(await list({ authorId: aid })).toEqual([all.id, authorOnly.id].sort());
    expect(await list({ tagId: tid })).toEqual([all.id]);
    expect(await list({ sectionId: sid, authorId: aid })).toEqual([all.id]);
    expect(await list({ authorId: aid, search: 'only' })).toEqual([authorOnly.id]);
  });

  it('refuses a filter id of the wrong kind with BAD_USER_INPUT', async () => {
    const tag = await factory.tag();
    const response = await editor.admin.post(LIST, { sectionId: toGlobalId('Tag', tag.id) });
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.body.errors?.[0]?.extensions?.issues).toEqual([expect.objectContaining({ path: 'sectionId' })]);
  });

  it('shows bylines, tags, section, series and featured image beside the ids, in order', async () => {
    const [first, second] = [await factory.author({ name: 'Zed Writer' }), await factory.author({ name: 'Amy Writer' })];
    const tag = await factory.tag({ name: 'Sahel' });
    const section = await factory.section({ name: 'Africa' });
    const series = await factory.series({ name: 'Coups' });
    const image = await factory.image({ caption: 'Bamako' });
    const created = await mutateArticle(editor.admin, 'createArticle', {
      headline: 'With references',
      authorIds: [toGlobalId('Author', first.id), toGlobalId('Author', second.id)],
      tagIds: [toGlobalId('Tag', tag.id)],
      sectionId: toGlobalId('Section', section.id),
      seriesId: toGlobalId('Series', series.id),
      featuredImageId: toGlobalId('Image', image.id),
    });
    const { adminArticle } = await editor.admin.data(DETAIL, { id: created.id });
    expect(adminArticle.authors.map((author: any) => author.name)).toEqual(['Zed Writer', 'Amy Writer']);
    expect(adminArticle.tags).toEqual([{ id: toGlobalId('Tag', tag.id), name: 'Sahel' }]);
    expect(adminArticle.section.name).toBe('Africa');
    expect(adminArticle.series.name).toBe('Coups');
    expect(adminArticle.featuredImage).toEqual({ id: toGlobalId('Image', image.id), url: image.url, caption: 'Bamako' });
  });

  it('reads the names for a whole page with a fixed number of statements', async () => {
    const page = `{ adminArticles(first: 50) { edges { node { authors { name } tags { name } section { name } featuredImage { url } } } } }`;
    const count = async () => {
      const before = t.queries.total;
      await editor.admin.data(page);
      return t.queries.total - before;
    };
    // One article with every kind of reference first, so the first count already reads each kind
    // (the test then holds on its own, not only after the others created such articles).
    const [section, image] = [await factory.section(), await factory.image()];
    await mutateArticle(editor.admin, 'createArticle', {
      headline: 'Page seed',
      authorIds: [toGlobalId('Author', (await factory.author()).id)],
      tagIds: [toGlobalId('Tag', (await factory.tag()).id)],
      sectionId: toGlobalId('Section', section.id),
      featuredImageId: toGlobalId('Image', image.id),
    });
    const before = await count();
    for (let i = 0; i < 5; i++) {
      const author = await factory.author();
      const tag = await factory.tag();
      await mutateArticle(editor.admin, 'createArticle', {
        headline: `Page filler ${i}`,
        authorIds: [toGlobalId('Author', author.id)],
        tagIds: [toGlobalId('Tag', tag.id)],
      });
    }
    expect(await count()).toBe(before);
  });

  // What one save costs (review 1.7): the content it computed is what its revision and its payload show,
  // so neither reads the row or the links back. Publishing likewise reads the working content once.
  it('saves and publishes with a fixed number of statements, draft or live', async () => {
    const [author, tag, section] = [await factory.author(), await factory.tag(), await factory.section()];
    const article = await mutateArticle(editor.admin, 'createArticle', {
      headline: 'Counted',
      authorIds: [toGlobalId('Author', author.id)],
      tagIds: [toGlobalId('Tag', tag.id)],
      sectionId: toGlobalId('Section', section.id),
    });
    const statementsOfSave = async (id: string, expectedVersion: number, headline: string) => {
      const before = t.queries.total;
      const saved = await mutateArticle(editor.admin, 'updateArticle', { id, expectedVersion, headline });
      expect(saved.headline).toBe(headline);
      return { count: t.queries.total - before, saved };
    };
    const draft = await statementsOfSave(article.id, article.version, 'Counted draft');
    const beforePublish = t.queries.total;
    const live = await mutateArticle(editor.admin, 'publishArticle', { id: article.id });
    const publishCount = t.queries.total - beforePublish;
    const pending = await statementsOfSave(article.id, live.version, 'Counted pending');
    // Was 21 and 12: the row read back after the write, and the links read again for the revision and
    // for the payload (2 each, draft only), are gone.
    expect(draft.count).toBe(16);
    expect(pending.count).toBe(11);
    // Was 26: publishing read the links 4 times (the check, the write, the revision, the payload); now once.
    expect(publishCount).toBe(20);
    expect(draft.saved.authorIds).toEqual([toGlobalId('Author', author.id)]);
    expect(pending.saved.tagIds).toEqual([toGlobalId('Tag', tag.id)]);
  });

  it('renders the working copy as bodyHtml, pending changes included, and keeps the slug history', async () => {
    const article = await mutateArticle(editor.admin, 'createArticle', {
      headline: 'Old name',
      body: [{ type: 'paragraph', children: [{ text: 'Live ' }, { text: 'text', marks: ['strong'] }] }],
    });
    const live = await mutateArticle(editor.admin, 'publishArticle', { id: article.id });
    const pending = await mutateArticle(editor.admin, 'updateArticle', {
      id: article.id,
      expectedVersion: live.version,
      slug: 'new-name',
      body: [{ type: 'heading', level: 2, text: 'Pending <heading>' }],
    });
    expect(pending.hasPendingChanges).toBe(true);
    const published = await mutateArticle(editor.admin, 'publishArticle', { id: article.id });
    const { adminArticle } = await editor.admin.data(DETAIL, { id: article.id });
    expect(adminArticle.bodyHtml).toBe('<h2>Pending &lt;heading&gt;</h2>');
    expect(adminArticle.slug).toBe('new-name');
    expect(adminArticle.previousSlugs).toEqual(['old-name']);
    expect(published.slug).toBe('new-name');
  });

  it('discardPendingChanges brings back the published text and keeps a revision', async () => {
    const article = await mutateArticle(editor.admin, 'createArticle', { headline: 'Published headline' });
    const live = await mutateArticle(editor.admin, 'publishArticle', { id: article.id });
    const edited = await mutateArticle(editor.admin, 'updateArticle', {
      id: article.id,
      expectedVersion: live.version,
      headline: 'Unwanted edit',
    });
    expect(edited.headline).toBe('Unwanted edit');

    const stale = await attempt(editor.admin, 'discardPendingChanges', { id: article.id, expectedVersion: live.version });
    expect(stale.code).toBe('CONFLICT');
    expect((await editor.admin.data(DETAIL, { id: article.id })).adminArticle).toMatchObject({
      headline: 'Unwanted edit',
      hasPendingChanges: true,
      version: edited.version,
    });

    const discarded = await attempt(
      editor.admin,
      'discardPendingChanges',
      { id: article.id, expectedVersion: edited.version },
      'article { headline version hasPendingChanges status }',
    );
    expect(discarded.code).toBe('OK');
    expect(discarded.data.article).toEqual({
      headline: 'Published headline',
      version: edited.version + 1,
      hasPendingChanges: false,
      status: 'PUBLISHED',
    });
    const { articleRevisions } = await editor.admin.data(
      `query($id: ID!) { articleRevisions(id: $id, first: 1) { edges { node { version } } } }`,
      {
        id: article.id,
      },
    );
    expect(articleRevisions.edges[0].node.version).toBe(edited.version + 1);
    const again = await attempt(editor.admin, 'discardPendingChanges', { id: article.id, expectedVersion: edited.version + 1 });
    expect(again.code).toBe('CONFLICT');
  });

  it('a contributor may not discard pending changes of an article that is not theirs', async () => {
    const contributor = await loginAs(t, 'CONTRIBUTOR');
    const article = await mutateArticle(editor.admin, 'createArticle', { headline: 'Editor story' });
    const live = await mutateArticle(editor.admin, 'publishArticle', { id: article.id });
    const edited = await mutateArticle(editor.admin, 'updateArticle', {
      id: article.id,
      expectedVersion: live.version,
      dek: 'x',
    });
    const refused = await attempt(contributor.admin, 'discardPendingChanges', {
      id: article.id,
      expectedVersion: edited.version,
    });
    expect(refused.code).toBe('FORBIDDEN');
    const { adminArticle } = await editor.admin.data(DETAIL, { id: article.id });
    expect(adminArticle).toMatchObject({ hasPendingChanges: true, version: edited.version });
  });

  it('createPreviewToken answers previewUrl: null when no front-end preview page is configured, and a working token', async () => {
    const created = await mutateArticle(editor.admin, 'createArticle', { headline: 'No site yet', slug: 'no-site-yet' });
    const { createPreviewToken } = await editor.admin.data(
      `mutation($input: CreatePreviewTokenInput!) { createPreviewToken(input: $input) { token previewUrl } }`,
      { input: { id: created.id } },
    );
    expect(createPreviewToken.previewUrl).toBeNull();
    const read = await t.graphql.data(
      `query($token: String) { article(slug: "no-site-yet", previewToken: $token) { headline } }`,
      {
        token: createPreviewToken.token,
      },
    );
    expect(read.article).toEqual({ headline: 'No site yet' });
  });
});
