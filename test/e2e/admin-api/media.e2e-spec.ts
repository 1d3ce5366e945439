import { rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { fromGlobalId } from '../../../src/common/global-id.js';
import { ACCEPTED_IMAGES, BAD_FILES, GIF, JPEG_ROTATED, PNG, type ImageFixture, JPEG, WEBP } from '../../fixtures/images.js';
import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import {
  createMediaSandbox,
  fetchServed,
  filesUnder,
  imageRow,
  postForm,
  rawGet,
  uploadImage,
  uploadedImage,
  type MediaSandbox,
  type UploadResponse,
} from '../../utils/media.js';
import { ContentFactory } from '../../factories/content.factory.js';

const MAX_BYTES = 16 * 1024;

// POST /admin/media and GET /media/<key>; the library's GraphQL side: 'media: the image library' below.
describe('media: upload and serving', () => {
  let t: TestApp;
  let media: MediaSandbox;
  let contributor: LoggedIn;

  beforeAll(async () => {
    media = await createMediaSandbox();
    // Something beside the media folder that a traversal would reach.
    await writeFile(join(media.root, 'secret.jpg'), 'TOP SECRET');
    t = await createTestApp({ MEDIA_DIR: media.mediaDir, MEDIA_MAX_BYTES: String(MAX_BYTES) });
    contributor = await loginAs(t, 'CONTRIBUTOR');
  });

  afterAll(async () => {
    await t.close();
    await media.remove();
  });

  const uploaded = (fixture: ImageFixture = PNG, fields: Record<string, string> = {}) =>
    uploadedImage(t, contributor, fixture, fields);

  describe('POST /admin/media', () => {
    // Deliberate change: the stored file is the sanitised master (re-encoded without metadata), so its
    // bytes and size differ from the upload; its format and displayed dimensions do not.
    it.each(ACCEPTED_IMAGES.map((image) => [image.contentType, image] as const))(
      'stores %s with the dimensions read from the file and serves its sanitised master back',
      async (_, fixture) => {
        const image = await uploaded(fixture);
        expect(image).toEqual({
          id: expect.any(String),
          url: expect.stringMatching(new RegExp(`^${t.config.media.publicUrl}/\\d{4}/\\d{2}/[0-9a-f-]{36}\\.\\w+$`)),
          width: fixture.width,
          height: fixture.height,
          contentType: fixture.contentType,
          byteSize: expect.any(Number),
          caption: null,
          credit: null,
          altText: null,
        });
        expect(fromGlobalId(image.id)?.type).toBe('Image');
        const row = await imageRow(t, image.id);
        expect(row).toMatchObject({ url: image.url, createdById: contributor.user.id, deletedAt: null });

        const file = await fetchServed(t, image.url);
        expect(file.status).toBe(200);
        expect(file.headers.get('content-type')).toBe(fixture.contentType);
        expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(file.headers.get('x-content-type-options')).toBe('nosniff');
        const served = Buffer.from(await file.arrayBuffer());
        expect(served.length).toBe(image.byteSize);
        const decoded = await sharp(served).metadata();
        expect({ width: decoded.width, height: decoded.pageHeight ?? decoded.height }).toEqual({
          width: fixture.width,
          height: fixture.height,
        });
        expect(decoded.format).toBe(fixture.contentType === 'image/avif' ? 'heif' : fixture.contentType.slice(6));
        await expect(stat(join(media.mediaDir, row!.storageKey!))).resolves.toBeTruthy();
        expect((await filesUnder(media.mediaDir)).filter((path) => path.endsWith('.tmp'))).toEqual([]);
      },
    );

    it('reports the displayed size of a photo turned by its EXIF orientation', async () => {
      expect(await uploaded(JPEG_ROTATED)).toMatchObject({ width: 3, height: 5 });
    });

    it('keeps caption, credit and alt text, trimmed, and audits the upload', async () => {
      const image = await uploaded(GIF, { caption: '  Protesters in Bamako  ', credit: 'REUTERS/Jane Doe', altText: 'A crowd' });
      expect(image).toMatchObject({ caption: 'Protesters in Bamako', credit: 'REUTERS/Jane Doe', altText: 'A crowd' });
      const entries = await t.prisma.auditEntry.findMany({ where: { entityId: fromGlobalId(image.id)!.id } });
      expect(entries).toEqual([
        expect.objectContaining({
          action: 'image.created',
          entityType: 'Image',
          actorId: contributor.user.id,
          details: expect.objectContaining({ contentType: 'image/gif', byteSize: image.byteSize, width: 2, height: 5 }),
        }),
      ]);
    });

    describe('refuses, leaving nothing behind', () => {
      async function expectNothingStored(attempt: () => Promise<UploadResponse>): Promise<UploadResponse> {
        const [rows, files] = [await t.prisma.image.count(), await filesUnder(media.mediaDir)];
        const response = await attempt();
        expect(await t.prisma.image.count()).toBe(rows);
        expect(await filesUnder(media.mediaDir)).toEqual(files);
        expect(response.body.error.requestId).toEqual(expect.any(String));
        return response;
      }

      it.each(BAD_FILES.map((file) => [file.label, file] as const))('%s, with BAD_USER_INPUT', async (_, file) => {
        const response = await expectNothingStored(() => uploadImage(t, contributor.accessToken, file));
        expect(response.status).toBe(400);
        expect(response.body.error).toMatchObject({
          code: 'BAD_USER_INPUT',
          issues: [{ path: 'file', message: expect.any(String) }],
        });
        expect(response.body.error.message).toMatch(/JPEG, PNG, WebP, AVIF or GIF|incomplete/);
      });

      it('a request without a file', async () => {
        const response = await expectNothingStored(() => uploadImage(t, contributor.accessToken, undefined, { caption: 'x' }));
        expect(response.status).toBe(400);
        expect(response.body.error).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'file' }] });
      });

      it('texts that are too long or fields it does not know', async () => {
        const tooLong = await expectNothingStored(() =>
          uploadImage(t, contributor.accessToken, PNG, { caption: 'x'.repeat(2001) }),
        );
        expect(tooLong.status).toBe(400);
        expect(tooLong.body.error.issues).toEqual([{ path: 'caption', message: 'must be at most 2000 characters' }]);
        const unknown = await expectNothingStored(() => uploadImage(t, contributor.accessToken, PNG, { alt_text: 'typo' }));
        expect(unknown.status).toBe(400);
        expect(unknown.body.error.code).toBe('BAD_USER_INPUT');
      });

      it('a file field under another name, or a second file', async () => {
        for (const names of [['image'], ['file', 'file']]) {
          const form = new FormData();
          for (const name of names) form.append(name, new Blob([new Uint8Array(PNG.data)]), 'a.png');
          const response = await expectNothingStored(() => postForm(t, contributor.accessToken, form));
          expect(response).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT' } } });
        }
      });

      it('a file over MEDIA_MAX_BYTES, with 413', async () => {
        for (const size of [MAX_BYTES + 1, 2 * 1024 * 1024]) {
          const big = { ...PNG, data: Buffer.concat([PNG.data, Buffer.alloc(size - PNG.data.length)]) };
          const response = await expectNothingStored(() => uploadImage(t, contributor.accessToken, big));
          expect(response.status).toBe(413);
          expect(response.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', maxBytes: MAX_BYTES });
          expect(response.body.error.message).toContain('16 KB');
        }
      });

      it('a request without a valid token, with 401', async () => {
        for (const token of [undefined, 'nonsense', 'nd_forged']) {
          const response = await expectNothingStored(() => uploadImage(t, token, PNG));
          expect(response.status).toBe(401);
          expect(response.body.error.code).toBe('UNAUTHENTICATED');
        }
      });

      it('an upload whose database write fails: the stored file is removed again', async () => {
        // A real failure inside the transaction, after the file was written.
        await t.prisma.$executeRawUnsafe(`CREATE FUNCTION refuse_image() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN IF NEW.caption = 'explode' THEN RAISE EXCEPTION 'refused by test'; END IF; RETURN NEW; END $$`);
        await t.prisma.$executeRawUnsafe(
          `CREATE TRIGGER refuse_image BEFORE INSERT ON images FOR EACH ROW EXECUTE FUNCTION refuse_image()`,
        );
        try {
          const response = await expectNothingStored(() => uploadImage(t, contributor.accessToken, PNG, { caption: 'explode' }));
          expect(response.status).toBe(500);
          expect(response.body.error).toEqual({
            code: 'INTERNAL_SERVER_ERROR',
            message: expect.stringContaining('Internal server error'),
            requestId: expect.any(String),
          });
          expect(JSON.stringify(response.body)).not.toContain('refused by test');
        } finally {
          await t.prisma.$executeRawUnsafe('DROP TRIGGER refuse_image ON images');
          await t.prisma.$executeRawUnsafe('DROP FUNCTION refuse_image');
        }
      });
    });
  });

  describe('GET /media', () => {
    it('refuses directory traversal, encoded or not, and never serves temporary files', async () => {
      const image = await uploaded(PNG);
      const [year, month] = new URL(image.url).pathname.split('/').slice(2);
      const temporary = join(media.mediaDir, year!, month!, '.half-written.tmp');
      await writeFile(temporary, 'partial');
      const paths = [
        '/media/../secret.jpg',
        '/media/..%2fsecret.jpg',
        '/media/%2e%2e/secret.jpg',
        `/media/${year}/${month}/..%2f..%2f..%2fsecret.jpg`,
        `/media/${year}/${month}/%2e%2e/%2e%2e/%2e%2e/secret.jpg`,
        '/media/..%5csecret.jpg',
        `/media/${year}/${month}/.half-written.tmp`,
        '/media/',
      ];
      try {
        for (const path of paths) {
          const response = await rawGet(t, path);
          expect({ path, status: response.status }).toEqual({ path, status: 404 });
          expect(response.body).not.toContain('TOP SECRET');
          expect(response.body).not.toContain('partial');
        }
      } finally {
        await rm(temporary);
      }
    });

    it('answers 404 for a well-formed key without a file', async () => {
      const response = await fetch(`${t.baseUrl}/media/2020/01/00000000-0000-4000-8000-000000000000.png`);
      expect(response.status).toBe(404);
      expect(((await response.json()) as any).error.code).toBe('NOT_FOUND');
    });
  });

  it('keeps Nest rendering for its own HTTP errors (an unknown route)', async () => {
    const response = await fetch(`${t.baseUrl}/admin/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ statusCode: 404 });
  });
});

const IMAGE_FIELDS = 'id url width height altText caption credit contentType byteSize createdAt updatedAt trashed';
const TRASH = `mutation ($id: ID!) { trashImage(input: { id: $id }) { image { id trashed } } }`;
const RESTORE = `mutation ($id: ID!) { restoreImage(input: { id: $id }) { image { id trashed } } }`;
const PURGE = `mutation ($id: ID!) { purgeImage(input: { id: $id }) { purgedImageId } }`;
const UPDATE = `mutation ($input: UpdateImageInput!) { updateImage(input: $input) { image { ${IMAGE_FIELDS} } } }`;

// The media library on /admin/graphql: browsing, editing, trash, purge, and what the public API sees.
describe('media: the image library', () => {
  let t: TestApp;
  let media: MediaSandbox;
  let factory: ContentFactory;
  let contributor: LoggedIn;
  let editor: LoggedIn;
  let admin: LoggedIn;

  beforeAll(async () => {
    media = await createMediaSandbox();
    t = await createTestApp({ MEDIA_DIR: media.mediaDir });
    factory = new ContentFactory(t.prisma);
    [contributor, editor, admin] = await Promise.all([loginAs(t, 'CONTRIBUTOR'), loginAs(t, 'EDITOR'), loginAs(t, 'ADMIN')]);
  });

  afterAll(async () => {
    await t.close();
    await media.remove();
  });

  const uploaded = (fixture: ImageFixture = PNG, fields: Record<string, string> = {}, as: LoggedIn = contributor) =>
    uploadedImage(t, as, fixture, fields);

  it('lists the library newest first with cursors, the trash apart, and finds one image', async () => {
    const images = [await uploaded(PNG), await uploaded(WEBP), await uploaded(JPEG)];
    const query = `query ($after: String, $trashed: Boolean) {
      adminImages(first: 2, after: $after, trashed: $trashed) {
        totalCount edges { node { id } } pageInfo { hasNextPage endCursor }
      }
    }`;
    const first = await contributor.admin.data(query);
    expect(first.adminImages.edges.map((edge: any) => edge.node.id)).toEqual([images[2]!.id, images[1]!.id]);
    expect(first.adminImages.pageInfo.hasNextPage).toBe(true);
    const second = await contributor.admin.data(query, { after: first.adminImages.pageInfo.endCursor });
    expect(second.adminImages.edges[0].node.id).toBe(images[0]!.id);

    await editor.admin.data(TRASH, { id: images[1]!.id });
    const live = await contributor.admin.data(`{ adminImages(first: 100) { edges { node { id } } } }`);
    expect(live.adminImages.edges.map((edge: any) => edge.node.id)).not.toContain(images[1]!.id);
    const trash = await contributor.admin.data(query, { trashed: true });
    expect(trash.adminImages.edges.map((edge: any) => edge.node.id)).toContain(images[1]!.id);

    const one = await contributor.admin.data(`query ($id: ID!) { adminImage(id: $id) { ${IMAGE_FIELDS} } }`, {
      id: images[1]!.id,
    });
    expect(one.adminImage).toMatchObject({ id: images[1]!.id, width: 3, height: 2, contentType: 'image/webp', trashed: true });
    const anonymous = await t.admin.post(`{ adminImages { totalCount } }`);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets the uploader and editors edit the texts, and shows the edit in the public API', async () => {
    const image = await uploaded(JPEG, { caption: 'Old caption', credit: 'Old credit' });
    const article = await factory.article({ image: (await imageRow(t, image.id))! });
    const publicImage = async () =>
      (
        await t.graphql.data(`query ($slug: String!) { article(slug: $slug) { featuredImage { id caption credit altText } } }`, {
          slug: article.slug,
        })
      ).article.featuredImage;
    expect(await publicImage()).toMatchObject({ id: image.id, caption: 'Old caption', credit: 'Old credit' });

    const own = await contributor.admin.data(UPDATE, { input: { id: image.id, caption: 'New caption', altText: 'Soldiers' } });
    expect(own.updateImage.image).toMatchObject({ caption: 'New caption', credit: 'Old credit', altText: 'Soldiers' });
    const byEditor = await editor.admin.data(UPDATE, { input: { id: image.id, credit: 'AFP/John Roe', altText: null } });
    expect(byEditor.updateImage.image).toMatchObject({ caption: 'New caption', credit: 'AFP/John Roe', altText: null });
    expect(await publicImage()).toEqual({ id: image.id, caption: 'New caption', credit: 'AFP/John Roe', altText: null });

    const updates = await t.prisma.auditEntry.findMany({
      where: { entityId: fromGlobalId(image.id)!.id, action: 'image.updated' },
      orderBy: { createdAt: 'asc' },
    });
    expect(updates.map((entry) => [entry.actorId, entry.details])).toEqual([
      [contributor.user.id, { caption: { from: 'Old caption', to: 'New caption' }, altText: { from: null, to: 'Soldiers' } }],
      [editor.user.id, { credit: { from: 'Old credit', to: 'AFP/John Roe' }, altText: { from: 'Soldiers', to: null } }],
    ]);
  });

  it("refuses a contributor's edit of someone else's image, and bad input, changing nothing", async () => {
    const image = await uploaded(PNG, { caption: 'Kept' }, editor);
    const other = await loginAs(t, 'CONTRIBUTOR');
    const refused = await other.admin.post(UPDATE, { input: { id: image.id, caption: 'Hijacked' } });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const tooLong = await editor.admin.post(UPDATE, { input: { id: image.id, credit: 'x'.repeat(301) } });
    expect(tooLong.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'input.credit' }] });
    const foreignId = await editor.admin.post(UPDATE, { input: { id: Buffer.from('Article:x').toString('base64url') } });
    expect(foreignId.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await imageRow(t, image.id))!.caption).toBe('Kept');
  });

  it('lets editors, not contributors, trash and restore; trashed images vanish from the public API', async () => {
    const image = await uploaded(PNG);
    const article = await factory.article({ image: (await imageRow(t, image.id))! });
    const publicView = `query ($id: ID!, $slug: String!) { node(id: $id) { id } article(slug: $slug) { featuredImage { id } } }`;
    const variables = { id: image.id, slug: article.slug };
    expect(await t.graphql.data(publicView, variables)).toEqual({
      node: { id: image.id },
      article: { featuredImage: { id: image.id } },
    });

    const refused = await contributor.admin.post(TRASH, { id: image.id });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await imageRow(t, image.id))!.deletedAt).toBeNull();

    expect((await editor.admin.data(TRASH, { id: image.id })).trashImage.image.trashed).toBe(true);
    expect(await t.graphql.data(publicView, variables)).toEqual({ node: null, article: { featuredImage: null } });
    expect((await editor.admin.data(TRASH, { id: image.id })).trashImage.image.trashed).toBe(true);

    expect((await contributor.admin.post(RESTORE, { id: image.id })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await editor.admin.data(RESTORE, { id: image.id })).restoreImage.image.trashed).toBe(false);
    expect(await t.graphql.data(publicView, variables)).toEqual({
      node: { id: image.id },
      article: { featuredImage: { id: image.id } },
    });

    const entries = await t.prisma.auditEntry.findMany({
      where: { entityId: fromGlobalId(image.id)!.id },
      orderBy: { createdAt: 'asc' },
    });
    // The second trash changed nothing, so it recorded nothing.
    expect(entries.map((entry) => [entry.action, entry.actorId])).toEqual([
      ['image.created', contributor.user.id],
      ['image.trashed', editor.user.id],
      ['image.restored', editor.user.id],
    ]);
  });

  it('lets only admins purge, only from the trash, and deletes the file too', async () => {
    const image = await uploaded(WEBP);
    const row = (await imageRow(t, image.id))!;
    const article = await factory.article({ image: row });
    const file = join(media.mediaDir, row.storageKey!);

    const live = await admin.admin.post(PURGE, { id: image.id });
    expect(live.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await editor.admin.data(TRASH, { id: image.id });
    for (const someone of [contributor, editor]) {
      expect((await someone.admin.post(PURGE, { id: image.id })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await imageRow(t, image.id)).not.toBeNull();

    expect(await admin.admin.data(PURGE, { id: image.id })).toEqual({ purgeImage: { purgedImageId: image.id } });
    expect(await imageRow(t, image.id)).toBeNull();
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await fetchServed(t, image.url)).status).toBe(404);
    expect((await t.prisma.article.findUnique({ where: { id: article.id } }))!.featuredImageId).toBeNull();

    const missing = await admin.admin.post(PURGE, { id: image.id });
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const audit = await admin.admin.data(
      `query ($entityId: ID!) { auditEntries(entityType: "Image", entityId: $entityId) { edges { node { action actorId details } } } }`,
      { entityId: row.id },
    );
    expect(audit.auditEntries.edges.map((edge: any) => edge.node.action)).toEqual([
      'image.purged',
      'image.trashed',
      'image.created',
    ]);
    expect(audit.auditEntries.edges[0].node).toMatchObject({ actorId: admin.user.id, details: { storageKey: row.storageKey } });
  });
});
