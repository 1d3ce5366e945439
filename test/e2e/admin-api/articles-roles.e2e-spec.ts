import { toGlobalId } from '../../../src/common/global-id.js';
import type { ArticleStatus, UserRole } from '../../../src/generated/prisma/client.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { attempt } from '../../utils/admin-articles.js';
import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

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

describe('admin API: who may do what to an article', () => {
  let t: TestApp;
  let factory: ContentFactory;
  const users = {} as Record<UserRole, LoggedIn>;
  let stranger: LoggedIn;

  beforeAll(async () => {
    t = await createTestApp();
    factory = new ContentFactory(t.prisma);
    for (const role of ['CONTRIBUTOR', 'AUTHOR', 'EDITOR', 'ADMIN'] as const) users[role] = await loginAs(t, role);
    stranger = await loginAs(t, 'CONTRIBUTOR');
  });
  afterAll(() => t.close());

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
