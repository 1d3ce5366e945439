import { rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { fromGlobalId } from '../../../src/common/global-id.js';
import { ACCEPTED_IMAGES, BAD_FILES, GIF, JPEG_ROTATED, PNG, type ImageFixture } from '../../fixtures/images.js';
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

const MAX_BYTES = 16 * 1024;

// POST /admin/media and GET /media/<key>; the library's GraphQL side is in media-library.e2e-spec.ts.
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
