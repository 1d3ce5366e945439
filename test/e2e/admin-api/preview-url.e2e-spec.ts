import { mutateArticle } from '../../utils/admin-articles.js';
import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

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
