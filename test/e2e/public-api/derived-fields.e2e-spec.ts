import { ArticleDerivationService } from '../../../src/articles/derivation/article-derivation.service.js';
import { toGlobalId } from '../../../src/common/global-id.js';
import { bodyDigest } from '../../../src/articles/derivation/feed-body-fields.js';
import { escapeXmlText } from '../../../src/common/xml-text.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { mutateArticle } from '../../utils/admin-articles.js';
import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

// Teaser, label, body HTML and text statistics are derived when an article (or what it depends on)
// is written, and stored: a public read only looks them up. Each must follow its sources at once,
// with the response cache on, since a stale derived value would be cached too.
describe('derived article fields', () => {
  let t: TestApp;
  let editor: LoggedIn;
  let factory: ContentFactory;
  const read = async (slug: string) =>
    (
      await t.graphql.get({
        query: `query($slug: String!) { article(slug: $slug) { teaser label bodyHtml wordCount readingTimeMinutes } }`,
        variables: { slug },
      })
    ).body.data!.article;

  beforeAll(async () => {
    // No job runner: the re-derivation test runs the job's work itself, and a runner taking the same job
    // would lock the rows that the test's call then skips (SKIP LOCKED), so its read could come too early.
    t = await createTestApp({ RESPONSE_CACHE: 'memory', JOBS_ENABLED: 'false' });
    editor = await loginAs(t, 'EDITOR');
    factory = new ContentFactory(t.prisma);
  });
  afterAll(() => t.close());

  // What feeds store of the body HTML (articles/derivation/feed-body-fields.ts): it must follow body_html wherever
  // that comes from; null (feeds derive it on the read) is the only other allowed state.
  async function feedForms(slug: string) {
    const [row] = await t.prisma.$queryRaw<{ html: string | null; xml: string | null; digest: string | null }[]>`
      SELECT body_html AS html, body_xml AS xml, body_digest AS digest FROM articles WHERE slug = ${slug}`;
    return row!;
  }
  async function expectFreshFeedForms(slug: string) {
    const { html, xml, digest } = await feedForms(slug);
    expect({ xml, digest }).toEqual({ xml: escapeXmlText(html!), digest: bodyDigest(html!) });
  }

  async function published(input: Record<string, unknown>) {
    const draft = await mutateArticle(editor.admin, 'createArticle', input);
    return mutateArticle(editor.admin, 'publishArticle', { id: draft.id });
  }

  it('derives teaser, label, HTML and statistics on save, and the editor teaser and label win when set', async () => {
    const section = await factory.section({ name: 'Africa' });
    const body = [{ type: 'paragraph', text: 'Bamako is quiet tonight.' }];
    const article = await published({
      headline: 'Derived',
      type: 'ANALYSIS',
      sectionId: toGlobalId('Section', section.id),
      body,
    });
    expect(await read(article.slug)).toEqual({
      teaser: 'Bamako is quiet tonight.',
      label: 'Analysis | Africa',
      bodyHtml: '<p>Bamako is quiet tonight.</p>',
      wordCount: 4,
      readingTimeMinutes: 1,
    });
    await expectFreshFeedForms(article.slug);
    const pending = await mutateArticle(editor.admin, 'updateArticle', {
      id: article.id,
      expectedVersion: article.version,
      teaser: 'An editor’s teaser',
      label: 'Exclusive',
      body: [{ type: 'paragraph', text: 'Bamako is loud tonight, and busy.' }],
    });
    // Pending: the public still sees what was derived from the live text.
    expect((await read(article.slug)).label).toBe('Analysis | Africa');
    await mutateArticle(editor.admin, 'publishArticle', { id: article.id, expectedVersion: pending.version });
    expect(await read(article.slug)).toEqual({
      teaser: 'An editor’s teaser',
      label: 'Exclusive',
      bodyHtml: '<p>Bamako is loud tonight, and busy.</p>',
      wordCount: 6,
      readingTimeMinutes: 1,
    });
    await expectFreshFeedForms(article.slug);
  });

  it("stores the editor's language canonical, serves it, and re-indexes search when it changes", async () => {
    const search = async (query: string) =>
      (
        await t.graphql.get({
          query: `query($q: String!) { articles(filter: { search: $q }) { edges { node { slug language } } } }`,
          variables: { q: query },
        })
      ).body.data!.articles.edges.map((edge: { node: unknown }) => edge.node);
    const body = [{ type: 'paragraph', text: 'Les accords électoraux sont signés.' }];
    const article = await published({ headline: 'Vote à Lyon', body });
    // Without a language of its own the article is the publication's (en): English stemming keeps
    // "électoraux" whole, French stemming makes it "électoral", as it does "électorale".
    expect((await editor.admin.data(`{ adminArticle(id: "${article.id}") { language } }`)).adminArticle.language).toBeNull();
    expect(await search('électorale')).toEqual([]);

    const pending = await mutateArticle(editor.admin, 'updateArticle', {
      id: article.id,
      expectedVersion: article.version,
      language: 'FR-fr',
    });
    // A pending change: the public article keeps its language and index until it is published.
    expect(await search('électorale')).toEqual([]);
    await mutateArticle(editor.admin, 'publishArticle', { id: article.id, expectedVersion: pending.version });
    expect(await search('électorale')).toEqual([{ slug: article.slug, language: 'fr-FR' }]);
    expect((await editor.admin.data(`{ adminArticle(id: "${article.id}") { language } }`)).adminArticle.language).toBe('fr-FR');
  });

  it("follows a section's rename, trash and restore on the very next read", async () => {
    const section = await factory.section({ name: 'Sahel', slug: 'sahel-desk' });
    const article = await published({ headline: 'Labelled', type: 'NEWS', sectionId: toGlobalId('Section', section.id) });
    expect((await read(article.slug)).label).toBe('News | Sahel');
    const sectionId = toGlobalId('Section', section.id);
    await editor.admin.data(`mutation($input: UpdateSectionInput!) { updateSection(input: $input) { section { id } } }`, {
      input: { id: sectionId, name: 'West Africa' },
    });
    expect((await read(article.slug)).label).toBe('News | West Africa');
    await editor.admin.data(`mutation($input: TrashSectionInput!) { trashSection(input: $input) { section { id } } }`, {
      input: { id: sectionId },
    });
    expect((await read(article.slug)).label).toBe('News');
    await editor.admin.data(`mutation($input: RestoreSectionInput!) { restoreSection(input: $input) { section { id } } }`, {
      input: { id: sectionId },
    });
    expect((await read(article.slug)).label).toBe('News | West Africa');
  });

  it('re-derives rows written by other derivation code, and derives rows nobody derived', async () => {
    const article = await published({ headline: 'Old output', body: [{ type: 'paragraph', text: 'Current text.' }] });
    await t.prisma.$executeRaw`UPDATE articles SET body_html = '<p>stale</p>', derived_version = 1 WHERE slug = ${article.slug}`;
    // Written without its feed forms: a trigger clears them rather than leave the old body's.
    expect(await feedForms(article.slug)).toMatchObject({ xml: null, digest: null });
    const never = await factory.article({ text: 'Loaded past the app.' });
    await t.prisma.$executeRaw`UPDATE articles SET body_html = NULL, display_teaser = NULL WHERE id = ${never.id}::uuid`;
    const derivation = t.app.get(ArticleDerivationService);
    // What a start does: rows never derived first (before serving), then a job for older versions.
    await derivation.onApplicationBootstrap();
    expect(await read(never.slug)).toMatchObject({ bodyHtml: '<p>Loaded past the app.</p>', teaser: 'Loaded past the app.' });
    await expectFreshFeedForms(never.slug);
    const job = await t.prisma.job.findFirstOrThrow({ where: { name: 'article.rederive', completedAt: null } });
    expect(job.payload).toMatchObject({ scope: { kind: 'stale' } });
    await derivation.rederive((job.payload as { scope: { kind: 'stale'; version: number } }).scope);
    expect((await read(article.slug)).bodyHtml).toBe('<p>Current text.</p>');
    await expectFreshFeedForms(article.slug);
  });

  it('re-derives the body HTML and its feed forms when an image in the body gets a new caption', async () => {
    const image = await factory.image({ caption: 'A & B <old>', credit: 'AFP' });
    const imageId = toGlobalId('Image', image.id);
    const article = await published({ headline: 'Pictured', body: [{ type: 'image', imageId }] });
    expect((await read(article.slug)).bodyHtml).toContain('A &amp; B &lt;old&gt;');
    await expectFreshFeedForms(article.slug);
    await editor.admin.data(`mutation($input: UpdateImageInput!) { updateImage(input: $input) { image { id } } }`, {
      input: { id: imageId, caption: 'C & D <new>' },
    });
    // In the change's own transaction (a job only for more articles than a batch): the next read shows it.
    expect((await read(article.slug)).bodyHtml).toContain('C &amp; D &lt;new&gt;');
    await expectFreshFeedForms(article.slug);
    expect((await feedForms(article.slug)).xml).toContain('C &amp;amp; D &amp;lt;new&amp;gt;');
  });
});
