import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { loginAs, TEST_PASSWORD, type LoggedIn } from '../../utils/auth.js';
import { mutateArticle } from '../../utils/admin-articles.js';

// Introspection hidden behind fragments must be seen as introspection: the admin schema stays
// private to logged-in users, however the selection is spelled.
const INTROSPECTION_QUERIES: [string, string][] = [
  ['a named fragment', '{ ...F } fragment F on Query { __schema { types { name } } }'],
  ['an inline fragment', '{ ... on Query { __schema { types { name } } } }'],
  ['an untyped inline fragment', '{ ... { __schema { queryType { name } } } }'],
  ['nested fragments', '{ ... on Query { ...F } } fragment F on Query { ... { __schema { queryType { name } } } }'],
  ['__type in a named fragment', '{ ...F } fragment F on Query { __type(name: "AdminArticle") { fields { name } } }'],
  ['__type in an inline fragment', '{ ... on Query { __type(name: "AdminArticle") { name } } }'],
  ['a fragment next to __typename', '{ __typename ...F } fragment F on Query { __type(name: "Query") { name } }'],
  [
    'the named operation of two',
    'query A { __typename } query B { ...F } fragment F on Query { __schema { queryType { name } } }',
  ],
];

/** The introspection cases, on the app `app` returns (booted by the caller's beforeAll). */
function introspectionCases(app: () => TestApp) {
  it.each(INTROSPECTION_QUERIES)('refuses it without a login: %s', async (_name, query) => {
    const operationName = query.startsWith('query A') ? 'B' : undefined;
    const response = await fetch(app().admin.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, operationName }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    expect(response.status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeUndefined();
  });

  it('allows it with a login', async () => {
    const { admin } = await loginAs(app(), 'CONTRIBUTOR');
    const data = await admin.data('{ ...F } fragment F on Query { __type(name: "AdminArticle") { name } }');
    expect(data).toEqual({ __type: { name: 'AdminArticle' } });
  });

  it('still answers __typename through a fragment without a login', async () => {
    const response = await app().admin.post('{ ...F } fragment F on Query { __typename }');
    expect(response.body).toEqual({ data: { __typename: 'Query' } });
  });
}

describe('admin endpoint', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('refuses introspection without a login and allows it with one', async () => {
    const anonymous = await t.admin.post('{ __schema { queryType { name } } }');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const { admin } = await loginAs(t, 'CONTRIBUTOR');
    expect((await admin.post('{ __schema { queryType { name } } }')).body.data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
  });

  it('rejects a bad or forged token with 401 UNAUTHENTICATED', async () => {
    for (const authorization of ['Bearer nonsense', 'Bearer nd_forged', 'Basic abc']) {
      const response = await t.admin.post('{ me { role } }', undefined, { authorization });
      expect(response.status).toBe(401);
      expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('still lets a client with a stale token log in', async () => {
    const { user } = await loginAs(t, 'EDITOR');
    const response = await t.admin.post(
      `mutation($input: LoginInput!) { login(input: $input) { user { email } } }`,
      { input: { email: user.email, password: TEST_PASSWORD } },
      { authorization: 'Bearer expired.or.forged' },
    );
    expect(response.body.data).toEqual({ login: { user: { email: user.email } } });
  });

  it('keeps CSRF prevention on: a simple cross-site GET is refused', async () => {
    const response = await fetch(`${t.admin.endpoint}?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });

  it('limits the audit log to admins', async () => {
    const { admin: editor } = await loginAs(t, 'EDITOR');
    const refused = await editor.post('{ auditEntries { totalCount } }');
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { admin } = await loginAs(t, 'ADMIN');
    const { auditEntries } = await admin.data('{ auditEntries { totalCount } }');
    expect(auditEntries.totalCount).toBe(await t.prisma.auditEntry.count());
  });

  // NODE_ENV=test is this describe's configuration: the same app serves the cases.
  describe('admin API introspection through fragments (NODE_ENV=test)', () => introspectionCases(() => t));
});

describe('admin API introspection through fragments (NODE_ENV=production)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => t.close());

  introspectionCases(() => t);
});

// The public endpoint's switch is graphql-js' own validation rule, which sees every field: a guard.
describe('public API introspection switched off, through fragments', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'false' });
  });
  afterAll(() => t.close());

  it.each(INTROSPECTION_QUERIES.filter(([name]) => !name.includes('two')))('refuses %s', async (_name, query) => {
    const response = await t.graphql.post(query.replace('AdminArticle', 'Article'));
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.body.data).toBeUndefined();
  });
});

// createPreviewToken names the front-end's preview page (PREVIEW_URL_PATTERN) so the Studio can open
// it. Without one configured it answers null (studio-articles.e2e-spec.ts, on the default settings).
const MINT = `mutation($input: CreatePreviewTokenInput!) { createPreviewToken(input: $input) { token previewUrl } }`;
const PUBLIC_READ = `query($slug: String!, $token: String) { article(slug: $slug, previewToken: $token) { headline } }`;

describe('createPreviewToken: the front-end preview page', () => {
  describe('with PREVIEW_URL_PATTERN', () => {
    let t: TestApp;
    let editor: LoggedIn;

    beforeAll(async () => {
      t = await createTestApp({
        PUBLIC_SITE_URL: 'https://www.daily.example',
        PREVIEW_URL_PATTERN: '/preview/{slug}?token={token}',
      });
      editor = await loginAs(t, 'EDITOR');
    });
    afterAll(() => t.close());

    it('answers the page on PUBLIC_SITE_URL with the working slug and the token, which reads the draft', async () => {
      const created = await mutateArticle(editor.admin, 'createArticle', {
        headline: 'Draft for the site',
        slug: 'draft-for-the-site',
      });
      const minted = (await editor.admin.data(MINT, { input: { id: created.id } })).createPreviewToken;
      expect(minted.previewUrl).toBe(
        `https://www.daily.example/preview/draft-for-the-site?token=${encodeURIComponent(minted.token)}`,
      );
      const token = new URL(minted.previewUrl).searchParams.get('token');
      expect((await t.graphql.data(PUBLIC_READ, { slug: 'draft-for-the-site', token })).article).toEqual({
        headline: 'Draft for the site',
      });
    });

    it('uses the pending slug of a live article: the one its preview reads', async () => {
      const created = await mutateArticle(editor.admin, 'createArticle', { headline: 'Live piece', slug: 'live-piece' });
      const live = await mutateArticle(editor.admin, 'publishArticle', { id: created.id, expectedVersion: created.version });
      await mutateArticle(editor.admin, 'updateArticle', {
        id: live.id,
        expectedVersion: live.version,
        slug: 'live-piece-renamed',
      });
      const minted = (await editor.admin.data(MINT, { input: { id: live.id } })).createPreviewToken;
      expect(minted.previewUrl).toMatch(/^https:\/\/www\.daily\.example\/preview\/live-piece-renamed\?token=/);
    });
  });
});
