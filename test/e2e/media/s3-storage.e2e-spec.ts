import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { fromGlobalId } from '../../../src/common/global-id.js';
import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { fetchServed, imageRow, uploadedImage } from '../../utils/media.js';
import { phonePhoto } from '../../utils/media-images.js';
import { startTestS3, type TestS3 } from '../../utils/s3-server.js';

const URLS = `query ($id: ID!) { adminImage(id: $id) { url webp: url(width: 640, format: WEBP) } }`;

// MEDIA_STORAGE=s3 against a real S3-protocol server, with private originals: masters live under
// originals/ and are never served, renditions under renditions/ are.
describe('media: S3 storage', () => {
  let s3: TestS3;
  let t: TestApp;
  let admin: LoggedIn;

  beforeAll(async () => {
    s3 = await startTestS3();
    t = await createTestApp({
      ...s3.env,
      MEDIA_S3_PREFIX: 'site/',
      MEDIA_PUBLIC_ORIGINALS: 'false',
      MEDIA_RENDITION_WIDTHS: '320,640,1200',
      MEDIA_MAX_BYTES: String(15 * 1024 * 1024),
    });
    admin = await loginAs(t, 'ADMIN');
  });

  afterAll(async () => {
    await t.close();
    await s3.stop();
  });

  it('stores the master in the bucket, and renders and stores renditions there on first request', async () => {
    const image = await uploadedImage(t, admin, await phonePhoto(1600, 1000));
    const row = (await imageRow(t, image.id))!;
    expect(await s3.keys('site/originals/')).toContain(`site/originals/${row.storageKey}`);

    // Masters are private: Image.url is the largest rendition, and the master's own path is 404.
    const urls = (await admin.admin.data(URLS, { id: image.id })).adminImage;
    expect(new URL(urls.url).pathname).toMatch(/^\/media\/[0-9a-f-]{36}\/1200x0\/inside-[0-9a-f]{8}\.auto$/);
    expect(image.url).toBe(urls.url);
    expect((await fetch(`${t.baseUrl}/media/${row.storageKey}`)).status).toBe(404);

    const first = await fetchServed(t, urls.webp);
    expect(first.status).toBe(200);
    const bytes = Buffer.from(await first.arrayBuffer());
    const metadata = await sharp(bytes).metadata();
    expect({ format: metadata.format, width: metadata.width, exif: metadata.exif }).toEqual({
      format: 'webp',
      width: 640,
      exif: undefined,
    });
    const renditions = await s3.keys(`site/renditions/${row.id}/`);
    expect(renditions).toEqual([expect.stringMatching(/\/640x0-inside-[0-9a-f]{8}\.webp$/)]);
    const again = await fetchServed(t, urls.webp);
    expect(Buffer.from(await again.arrayBuffer()).equals(bytes)).toBe(true);
    expect((await fetchServed(t, urls.url)).status).toBe(200);
  });

  it('streams a master larger than one multipart part (5 MB) to the bucket', async () => {
    const [width, height] = [1500, 1500];
    // Noise does not compress: the PNG master is about 6.8 MB.
    const noise = await sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
      .png({ compressionLevel: 1 })
      .toBuffer();
    const image = await uploadedImage(t, admin, { name: 'noise.png', contentType: 'image/png', width, height, data: noise });
    const row = (await imageRow(t, image.id))!;
    expect(row.byteSize).toBeGreaterThan(5 * 1024 * 1024);
    expect(await s3.keys(`site/originals/${row.storageKey}`)).toEqual([`site/originals/${row.storageKey}`]);
    const served = await fetchServed(t, (await admin.admin.data(URLS, { id: image.id })).adminImage.webp);
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).width).toBe(640);
  });

  it('deletes the master and every rendition from the bucket when an image is purged', async () => {
    const image = await uploadedImage(t, admin, await phonePhoto(800, 500));
    const row = (await imageRow(t, image.id))!;
    await fetchServed(t, (await admin.admin.data(URLS, { id: image.id })).adminImage.webp);
    expect(await s3.keys(`site/renditions/${row.id}/`)).toHaveLength(1);
    await admin.admin.data(`mutation ($id: ID!) { trashImage(input: { id: $id }) { image { id } } }`, { id: image.id });
    await admin.admin.data(`mutation ($id: ID!) { purgeImage(input: { id: $id }) { purgedImageId } }`, { id: image.id });
    expect(await s3.keys(`site/originals/${row.storageKey}`)).toEqual([]);
    expect(await s3.keys(`site/renditions/${fromGlobalId(image.id)!.id}/`)).toEqual([]);
  });
});
