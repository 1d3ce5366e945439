import sharp from 'sharp';
import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import {
  createMediaSandbox,
  fetchServed,
  filesUnder,
  uploadImage,
  uploadedImage,
  type MediaSandbox,
  imageRow,
} from '../../utils/media.js';
import { dominantColour, phonePhoto, pixelBomb, twoColourPhoto } from '../../utils/media-images.js';
import { randomBytes } from 'node:crypto';
import { fromGlobalId } from '../../../src/common/global-id.js';
import { startTestS3, type TestS3 } from '../../utils/s3-server.js';

const URLS = `query ($id: ID!) {
  node(id: $id) { ... on Image {
    url
    w640: url(width: 640)
    webp: url(width: 640, format: WEBP)
    avif: url(width: 320, height: 180, format: AVIF)
    png: url(width: 320, format: PNG)
    jpeg: url(width: 320, height: 320, fit: COVER, format: JPEG)
    auto: url(width: 320)
    srcset
  } }
}`;

const UPDATE = `mutation ($input: UpdateImageInput!) {
  updateImage(input: $input) { image { id focalPoint { x y } crops { aspect x y width height } } }
}`;

// Renditions and privacy end to end: a phone photo uploaded with GPS tags, every URL the API hands out
// for it fetched, and what comes back decoded.
describe('media: renditions and privacy', () => {
  let t: TestApp;
  let media: MediaSandbox;
  let editor: LoggedIn;

  beforeAll(async () => {
    media = await createMediaSandbox();
    t = await createTestApp({
      MEDIA_DIR: media.mediaDir,
      MEDIA_RENDITION_WIDTHS: '320,640,1200',
      MEDIA_RENDITION_ASPECTS: '16:9,1:1',
      MEDIA_MAX_PIXELS: '20000000',
      METRICS_ENABLED: 'true',
    });
    editor = await loginAs(t, 'EDITOR');
  });

  afterAll(async () => {
    await t.close();
    await media.remove();
  });

  const urlsOf = async (id: string) => (await t.graphql.data(URLS, { id })).node;
  const rendered = async (format: string) => {
    const text = await (await fetch(`${t.baseUrl}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(`newsdesk_media_renditions_rendered_total{format="${format}"}`));
    return line ? Number(line.split(' ').at(-1)) : 0;
  };

  it('serves no EXIF, GPS, XMP or camera data in any byte: the master and every rendition', async () => {
    const photo = await phonePhoto();
    expect((await sharp(photo.data).metadata()).exif).toBeDefined();
    const image = await uploadedImage(t, editor, photo);
    const urls = await urlsOf(image.id);
    const all = [
      urls.url,
      urls.w640,
      urls.webp,
      urls.avif,
      urls.png,
      urls.jpeg,
      urls.auto,
      ...urls.srcset.split(', ').map((e: string) => e.split(' ')[0]),
    ];
    for (const url of all) {
      const response = await fetchServed(t, url);
      expect({ url, status: response.status }).toEqual({ url, status: 200 });
      const bytes = Buffer.from(await response.arrayBuffer());
      const metadata = await sharp(bytes).metadata();
      expect({ url, exif: metadata.exif, xmp: metadata.xmp, iptc: metadata.iptc }).toEqual({
        url,
        exif: undefined,
        xmp: undefined,
        iptc: undefined,
      });
      for (const secret of [
        'Exif\0',
        'GPSDATUMSECRET',
        'SecretPhoneMaker',
        'OWNERSECRET',
        'Reporter Home',
        'xmpmeta',
        'Bamako',
      ]) {
        expect({ url, secret, found: bytes.includes(Buffer.from(secret, 'latin1')) }).toEqual({ url, secret, found: false });
      }
    }
  });

  it('prefills empty caption and credit from the XMP of the upload, and keeps the file name for search', async () => {
    const image = await uploadedImage(t, editor, await phonePhoto(), { credit: 'Own credit' });
    expect(image).toMatchObject({ caption: 'Protesters gather in Bamako', credit: 'Own credit' });
    const row = await t.prisma.image.findFirst({ where: { url: image.url } });
    expect(row?.originalFilename).toBe('IMG_20261201_bamako.jpg');
  });

  it('renders a rendition on the first request, then serves it from storage, cacheable forever', async () => {
    const image = await uploadedImage(t, editor, await phonePhoto(1600, 1000));
    const { webp } = await urlsOf(image.id);
    expect(new URL(webp).pathname).toMatch(/^\/media\/[0-9a-f-]{36}\/640x0\/inside-[0-9a-f]{8}\.webp$/);
    const before = await rendered('webp');
    const first = await fetchServed(t, webp);
    expect(first.headers.get('content-type')).toBe('image/webp');
    expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(first.headers.get('vary')).toBeNull();
    const bytes = Buffer.from(await first.arrayBuffer());
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'webp', width: 640, height: 400 });
    const second = await fetchServed(t, webp);
    expect(Buffer.from(await second.arrayBuffer()).equals(bytes)).toBe(true);
    expect(await rendered('webp')).toBe(before + 1);
    const imageFolder = `/renditions/${new URL(webp).pathname.split('/')[2]}/`;
    expect((await filesUnder(media.mediaDir)).filter((path) => path.includes(imageFolder))).toEqual([
      expect.stringMatching(/\/640x0-inside-[0-9a-f]{8}\.webp$/),
    ]);
  });

  it('renders a rendition once however many first requests arrive together', async () => {
    const image = await uploadedImage(t, editor, await phonePhoto(1400, 900));
    const { avif } = await urlsOf(image.id);
    const before = await rendered('avif');
    const responses = await Promise.all(Array.from({ length: 8 }, () => fetchServed(t, avif)));
    const bodies = await Promise.all(responses.map(async (r) => Buffer.from(await r.arrayBuffer())));
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(bodies.every((body) => body.equals(bodies[0]!))).toBe(true);
    expect(await sharp(bodies[0]!).metadata()).toMatchObject({ width: 320, height: 180 });
    expect(await rendered('avif')).toBe(before + 1);
  });

  it('picks AVIF, WebP or JPEG by Accept for format AUTO, with Vary: Accept', async () => {
    const image = await uploadedImage(t, editor, await phonePhoto(800, 600));
    const { auto } = await urlsOf(image.id);
    const path = new URL(auto).pathname;
    for (const [accept, format, type] of [
      ['image/avif,image/webp,*/*', 'heif', 'image/avif'],
      ['image/webp,*/*', 'webp', 'image/webp'],
      ['*/*', 'jpeg', 'image/jpeg'],
    ] as const) {
      const response = await fetch(`${t.baseUrl}${path}`, { headers: { accept } });
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('vary')).toBe('Accept');
      expect((await sharp(Buffer.from(await response.arrayBuffer())).metadata()).format).toBe(format);
    }
  });

  it('renders only configured sizes: other URLs are 404 and other arguments BAD_USER_INPUT', async () => {
    const image = await uploadedImage(t, editor, await phonePhoto(800, 600));
    const { w640 } = await urlsOf(image.id);
    for (const size of ['641x0', '10000x0', '640x361', '640x100']) {
      const response = await fetchServed(t, w640.replace('640x0', size));
      expect({ size, status: response.status }).toEqual({ size, status: 404 });
    }
    const bad = await t.graphql.post(`query ($id: ID!) { node(id: $id) { ... on Image { url(width: 641) } } }`, { id: image.id });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'width' }] });
    const badHeight = await t.graphql.post(
      `query ($id: ID!) { node(id: $id) { ... on Image { url(width: 640, height: 500) } } }`,
      {
        id: image.id,
      },
    );
    expect(badHeight.body.errors?.[0]?.extensions?.issues).toEqual([
      { path: 'height', message: 'must be one of 360, 640 for width 640' },
    ]);
    const srcset = await t.graphql.post(`query ($id: ID!) { node(id: $id) { ... on Image { srcset(widths: [100]) } } }`, {
      id: image.id,
    });
    expect(srcset.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists srcset widths up to the picture, never upscaled', async () => {
    const image = await uploadedImage(t, editor, await phonePhoto(800, 600));
    const { srcset } = await urlsOf(image.id);
    expect(srcset.split(', ').map((entry: string) => entry.split(' ')[1])).toEqual(['320w', '640w', '800w']);
  });

  it('refuses a decompression bomb at upload, before decoding it, and stores nothing', async () => {
    const [rows, files] = [await t.prisma.image.count(), await filesUnder(media.mediaDir)];
    const response = await uploadImage(t, editor.accessToken, await pixelBomb(30_000, 30_000));
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'TOO_MANY_PIXELS',
      maxPixels: 20_000_000,
      issues: [{ path: 'file' }],
    });
    expect(response.body.error.message).toContain('30000x30000');
    expect(await t.prisma.image.count()).toBe(rows);
    expect(await filesUnder(media.mediaDir)).toEqual(files);
  });

  it('crops cover renditions around the focal point, or with the named crop of the same aspect', async () => {
    const image = await uploadedImage(t, editor, await twoColourPhoto());
    const square = async () => Buffer.from(await (await fetchServed(t, (await urlsOf(image.id)).jpeg)).arrayBuffer());
    const oldUrl = (await urlsOf(image.id)).jpeg;

    await editor.admin.data(UPDATE, { input: { id: image.id, focalPoint: { x: 0.95, y: 0.5 } } });
    expect(await dominantColour(await square())).toBe('blue');
    await editor.admin.data(UPDATE, { input: { id: image.id, focalPoint: { x: 0.05, y: 0.5 } } });
    expect(await dominantColour(await square())).toBe('red');

    // A square named crop on the right wins over the focal point for 1:1 renditions.
    const updated = await editor.admin.data(UPDATE, {
      input: { id: image.id, crops: [{ aspect: '1:1', x: 0.5, y: 0, width: 0.5, height: 1 }] },
    });
    expect(updated.updateImage.image).toMatchObject({
      focalPoint: { x: 0.05, y: 0.5 },
      crops: [{ aspect: '1:1', x: 0.5, y: 0, width: 0.5, height: 1 }],
    });
    expect(await dominantColour(await square())).toBe('blue');

    // URLs change with the framing (so CDNs may cache forever); an old one moves to the current one.
    const moved = await fetch(`${t.baseUrl}${new URL(oldUrl).pathname}`, { redirect: 'manual' });
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe((await urlsOf(image.id)).jpeg);
  });

  it('refuses bad focal points and crops with the paths of the bad fields, changing nothing', async () => {
    const image = await uploadedImage(t, editor, await twoColourPhoto());
    const attempts: [unknown, string[]][] = [
      [{ focalPoint: { x: 1.5, y: -0.1 } }, ['input.focalPoint.x', 'input.focalPoint.y']],
      [{ crops: [{ aspect: '16:9', x: 0, y: 0, width: 1, height: 1 }] }, ['input.crops.0']],
      [{ crops: [{ aspect: '2:1', x: 0, y: 0, width: 1, height: 1 }] }, ['input.crops.0.aspect']],
      [{ crops: [{ aspect: '1:1', x: 0.6, y: 0, width: 0.5, height: 1 }] }, ['input.crops.0.width']],
    ];
    for (const [change, paths] of attempts) {
      const response = await editor.admin.post(UPDATE, { input: { id: image.id, ...(change as object) } });
      expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.body.errors?.[0]?.extensions?.issues.map((issue: { path: string }) => issue.path)).toEqual(paths);
    }
    const row = await t.prisma.image.findFirst({ where: { url: image.url } });
    expect(row).toMatchObject({ focalX: null, focalY: null, crops: {} });
  });

  it('serves neither the master nor renditions of a trashed image', async () => {
    const image = await uploadedImage(t, editor, await phonePhoto(800, 600));
    const { url, w640 } = await urlsOf(image.id);
    expect((await fetchServed(t, w640)).status).toBe(200);
    await editor.admin.data(`mutation ($id: ID!) { trashImage(input: { id: $id }) { image { trashed } } }`, { id: image.id });
    for (const path of [url, w640, w640.replace('640x0', '320x0')]) {
      expect((await fetchServed(t, path)).status).toBe(404);
    }
    await editor.admin.data(`mutation ($id: ID!) { restoreImage(input: { id: $id }) { image { trashed } } }`, { id: image.id });
    expect((await fetchServed(t, url)).status).toBe(200);
  });
});

const ADMIN_URLS = `query ($id: ID!) { adminImage(id: $id) { url webp: url(width: 640, format: WEBP) } }`;

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
    const urls = (await admin.admin.data(ADMIN_URLS, { id: image.id })).adminImage;
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
    const served = await fetchServed(t, (await admin.admin.data(ADMIN_URLS, { id: image.id })).adminImage.webp);
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).width).toBe(640);
  });

  it('deletes the master and every rendition from the bucket when an image is purged', async () => {
    const image = await uploadedImage(t, admin, await phonePhoto(800, 500));
    const row = (await imageRow(t, image.id))!;
    await fetchServed(t, (await admin.admin.data(ADMIN_URLS, { id: image.id })).adminImage.webp);
    expect(await s3.keys(`site/renditions/${row.id}/`)).toHaveLength(1);
    await admin.admin.data(`mutation ($id: ID!) { trashImage(input: { id: $id }) { image { id } } }`, { id: image.id });
    await admin.admin.data(`mutation ($id: ID!) { purgeImage(input: { id: $id }) { purgedImageId } }`, { id: image.id });
    expect(await s3.keys(`site/originals/${row.storageKey}`)).toEqual([]);
    expect(await s3.keys(`site/renditions/${fromGlobalId(image.id)!.id}/`)).toEqual([]);
  });
});
