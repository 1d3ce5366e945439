import { ContentFactory } from '../../factories/content.factory.js';
import { attempt, mutateArticle } from '../../utils/admin-articles.js';
import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

// "2026-12-01T06:00:00" has no UTC offset: which instant it means depends on the server's time zone.
// Both endpoints share one strict DateTime scalar (graphql-scalars), which refuses it.
describe('DateTime: an RFC 3339 date-time with a UTC offset', () => {
  let t: TestApp;
  let editor: LoggedIn;

  beforeAll(async () => {
    t = await createTestApp();
    editor = await loginAs(t, 'EDITOR');
  });
  afterAll(() => t.close());

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
