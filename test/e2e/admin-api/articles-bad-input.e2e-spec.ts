import { toGlobalId } from '../../../src/common/global-id.js';
import { attempt, mutateArticle } from '../../utils/admin-articles.js';
import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

const UNKNOWN = '0193a3c1-6c1e-7d2a-9b1c-0a1b2c3d4e5f';

// Every bad input gets BAD_USER_INPUT naming the bad field, never a 500, and changes nothing.
describe('admin API: bad article input', () => {
  let t: TestApp;
  let editor: LoggedIn;
  let existing: { id: string; version: number };

  beforeAll(async () => {
    t = await createTestApp();
    editor = await loginAs(t, 'EDITOR');
    existing = await mutateArticle(editor.admin, 'createArticle', { headline: 'Existing' });
  });
  afterAll(() => t.close());

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
