import { fromGlobalId } from '../../../src/common/global-id.js';
import { attempt, mutateArticle } from '../../utils/admin-articles.js';
import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { createMediaSandbox, fetchServed, uploadedImage, type MediaSandbox } from '../../utils/media.js';
import { phonePhoto } from '../../utils/media-images.js';
import type { ImageFixture } from '../../fixtures/images.js';

const UPDATE_IMAGE = `mutation ($input: UpdateImageInput!) { updateImage(input: $input) { image { id caption } } }`;
const TRASH = `mutation ($id: ID!) { trashImage(input: { id: $id }) { image { trashed } } }`;
const USAGE = `query ($id: ID!) { adminImage(id: $id) { usage { articleId headline status trashed usedAs live pending } } }`;
const PUBLIC = `query ($slug: String!) {
  article(slug: $slug) { bodyHtml bodyImages { id caption url(width: 320) } featuredImage { id url(width: 640, height: 360) } }
}`;

// Body image blocks by reference: the upload's id goes into the body, everything else comes from the
// image when the body is rendered; image_usages tracks who uses what and guards trashing.
describe('media: images by reference', () => {
  let t: TestApp;
  let media: MediaSandbox;
  let editor: LoggedIn;
  // One photo for every upload, made once: exactly as wide as the widest rendition (1200 px, so srcset
  // lists all three widths) and 16:10, so its 1200 px rendition is 1200x750.
  let photo: ImageFixture;

  beforeAll(async () => {
    photo = await phonePhoto(1200, 750);
    media = await createMediaSandbox();
    t = await createTestApp({
      MEDIA_DIR: media.mediaDir,
      MEDIA_RENDITION_WIDTHS: '320,640,1200',
      MEDIA_RENDITION_ASPECTS: '16:9',
    });
    editor = await loginAs(t, 'EDITOR');
  });

  afterAll(async () => {
    await t.close();
    await media.remove();
  });

  const upload = async (caption: string) => uploadedImage(t, editor, photo, { caption, credit: 'AFP', altText: 'Alt' });

  async function publishedWith(body: unknown[], featuredImageId?: string) {
    const created = await mutateArticle(editor.admin, 'createArticle', {
      headline: `Story ${Math.random()}`,
      body,
      featuredImageId,
    });
    return mutateArticle(editor.admin, 'publishArticle', { id: created.id });
  }

  it('renders figures from the image: srcset, sizes, width and height, lazy after the first; one caption fix shows everywhere', async () => {
    const [first, second] = [await upload('First caption'), await upload('Second caption')];
    const article = await publishedWith(
      [
        { type: 'image', imageId: first.id },
        { type: 'paragraph', text: 'Text' },
        { type: 'image', imageId: second.id, caption: 'Caption for this story only', alt: 'Story alt' },
      ],
      first.id,
    );
    const view = async () => (await t.graphql.data(PUBLIC, { slug: article.slug })).article;
    const before = await view();
    const figures = before.bodyHtml.split('\n').filter((line: string) => line.startsWith('<figure'));
    expect(figures).toHaveLength(2);
    expect(figures[0]).toMatch(
      /^<figure><img src="[^"]+\/media\/[0-9a-f-]{36}\/1200x0\/inside-[0-9a-f]{8}\.auto" srcset="[^"]+ 320w, [^"]+ 640w, [^"]+ 1200w" sizes="100vw" alt="Alt" width="1200" height="750" \/>/,
    );
    expect(figures[0]).not.toContain('loading=');
    expect(figures[0]).toContain('<figcaption>First caption <span class="credit">AFP</span></figcaption>');
    expect(figures[1]).toContain('loading="lazy"');
    expect(figures[1]).toContain('alt="Story alt"');
    expect(figures[1]).toContain('<figcaption>Caption for this story only <span class="credit">AFP</span></figcaption>');
    expect(before.bodyImages.map((image: { id: string }) => image.id)).toEqual([first.id, second.id]);
    expect(new URL(before.featuredImage.url).pathname).toMatch(/\/640x360\/cover-[0-9a-f]{8}\.auto$/);
    expect((await fetchServed(t, figures[0].match(/src="([^"]+)"/)[1])).status).toBe(200);

    await editor.admin.data(UPDATE_IMAGE, { input: { id: first.id, caption: 'Fixed caption' } });
    await editor.admin.data(UPDATE_IMAGE, { input: { id: second.id, caption: 'Library caption, overridden' } });
    const after = await view();
    expect(after.bodyHtml).toContain('<figcaption>Fixed caption <span class="credit">AFP</span></figcaption>');
    expect(after.bodyHtml).toContain('Caption for this story only');
    expect(after.bodyHtml).not.toContain('First caption');
  });

  it('refuses blocks that copy what comes from the image, or point at a missing or trashed image', async () => {
    const image = await upload('Some caption');
    await editor.admin.data(TRASH, { id: image.id });
    const live = await upload('Live');
    const nowhere = Buffer.from('Image:01920b6e-4a00-7c3e-9d61-2f5a8b7c0d99').toString('base64url');
    const articles = await t.prisma.article.count();
    const copied = await attempt(editor.admin, 'createArticle', {
      headline: 'Copy',
      body: [{ type: 'image', imageId: live.id, url: 'https://x.example/a.jpg', credit: 'Me' }],
    });
    expect(copied.code).toBe('BAD_USER_INPUT');
    expect(copied.error!.extensions!.issues.map((issue: { path: string }) => issue.path)).toEqual([
      'input.body.0.url',
      'input.body.0.credit',
    ]);
    const missing = await attempt(editor.admin, 'createArticle', {
      headline: 'Missing',
      body: [
        { type: 'image', imageId: live.id },
        { type: 'image', imageId: image.id },
        { type: 'image', imageId: nowhere },
      ],
    });
    expect(missing.code).toBe('BAD_USER_INPUT');
    expect(missing.error!.extensions!.issues.map((issue: { path: string }) => issue.path)).toEqual([
      'input.body.1.imageId',
      'input.body.2.imageId',
    ]);
    expect(await t.prisma.article.count()).toBe(articles);
  });

  it('tracks usage of live content and pending changes, and refuses to trash an image in use, naming the articles', async () => {
    const [featured, inBody, later] = [await upload('Featured'), await upload('In body'), await upload('Later')];
    const article = await publishedWith([{ type: 'image', imageId: inBody.id }], featured.id);
    // A pending edit of the live article swaps the body image: both stay in use until it is published.
    await mutateArticle(editor.admin, 'updateArticle', {
      id: article.id,
      expectedVersion: article.version,
      body: [{ type: 'image', imageId: later.id }],
    });
    const usage = async (id: string) => (await editor.admin.data(USAGE, { id })).adminImage.usage;
    const entry = { articleId: article.id, headline: article.headline, status: 'PUBLISHED', trashed: false };
    expect(await usage(featured.id)).toEqual([{ ...entry, usedAs: ['FEATURED'], live: true, pending: true }]);
    expect(await usage(inBody.id)).toEqual([{ ...entry, usedAs: ['BODY'], live: true, pending: false }]);
    expect(await usage(later.id)).toEqual([{ ...entry, usedAs: ['BODY'], live: false, pending: true }]);

    const refused = await editor.admin.post(TRASH, { id: inBody.id });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'IMAGE_IN_USE',
      articles: [{ id: article.id, headline: article.headline, status: 'PUBLISHED', trashed: false }],
    });
    expect((await t.prisma.image.findUnique({ where: { id: fromGlobalId(inBody.id)!.id } }))!.deletedAt).toBeNull();

    await mutateArticle(editor.admin, 'publishArticle', { id: article.id });
    expect(await usage(inBody.id)).toEqual([]);
    expect((await editor.admin.data(TRASH, { id: inBody.id })).trashImage.image.trashed).toBe(true);
    expect(await usage(later.id)).toEqual([{ ...entry, usedAs: ['BODY'], live: true, pending: false }]);
  });

  it('gives feeds a sized JPEG rendition of the featured image, and body figures from the library', async () => {
    const image = await upload('Feed caption');
    const article = await publishedWith([{ type: 'image', imageId: image.id }], image.id);
    const feed = (await (await fetch(`${t.baseUrl}/feeds/feed.json`)).json()) as any;
    const item = feed.items.find((entry: { id: string }) => entry.id === article.id);
    expect(new URL(item.image).pathname).toMatch(/^\/media\/[0-9a-f-]{36}\/1200x0\/inside-[0-9a-f]{8}\.jpg$/);
    expect(item.content_html).toContain('<figcaption>Feed caption');
    const rss = await (await fetch(`${t.baseUrl}/feeds/rss.xml`)).text();
    expect(rss).toMatch(/<media:content url="[^"]+\/1200x0\/inside-[0-9a-f]{8}\.jpg"[^>]*width="1200" height="750"/);
    const served = await fetchServed(t, item.image);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
  });
});
