import { coverRegion, renditionSize } from './focal-crop.js';
import { MediaUrls } from './media-urls.js';
import { isAllowedSize, negotiateFormat, parseRenditionPath, renditionVersion } from './rendition-spec.js';

const renditions = {
  widths: [320, 640, 1200],
  aspects: [
    [16, 9],
    [1, 1],
  ] as [number, number][],
  concurrency: 1,
  queueLimit: 1,
  timeoutMs: 1000,
};
const none = { focalX: null, focalY: null, crops: null };
const id = '01920b6e-4a00-7c3e-9d61-2f5a8b7c0d01';

describe('rendition URLs', () => {
  it('parse only well-formed paths', () => {
    expect(parseRenditionPath(`${id}/1200x675/cover-0123abcd.webp`)).toEqual({
      imageId: id,
      width: 1200,
      height: 675,
      fit: 'cover',
      version: '0123abcd',
      format: 'webp',
    });
    for (const bad of [
      `${id}/1200x675/cover.webp`,
      `../${id}/1x1/inside-0123abcd.jpg`,
      `${id}/1x1/fill-0123abcd.jpg`,
      `${id}/1x1/inside-0123abcd.svg`,
    ]) {
      expect(parseRenditionPath(bad)).toBeNull();
    }
  });

  it('allow only configured widths, with auto height or a configured aspect', () => {
    expect(isAllowedSize(renditions, 640, 0)).toBe(true);
    expect(isAllowedSize(renditions, 640, 360)).toBe(true);
    expect(isAllowedSize(renditions, 640, 640)).toBe(true);
    expect(isAllowedSize(renditions, 641, 0)).toBe(false);
    expect(isAllowedSize(renditions, 640, 361)).toBe(false);
    expect(isAllowedSize(renditions, 10_000, 0)).toBe(false);
  });

  it('change the cover version when the focal point or a crop changes, never the inside one', () => {
    const moved = { ...none, focalX: 0.2, focalY: 0.3 };
    expect(renditionVersion(moved, 'cover')).not.toBe(renditionVersion(none, 'cover'));
    expect(renditionVersion(moved, 'inside')).toBe(renditionVersion(none, 'inside'));
  });

  it('negotiate AVIF, then WebP, else JPEG or PNG for transparency', () => {
    expect(negotiateFormat('image/avif,image/webp,*/*', false)).toBe('avif');
    expect(negotiateFormat('image/webp,*/*;q=0.8', false)).toBe('webp');
    expect(negotiateFormat('image/avif;q=0, image/webp', false)).toBe('webp');
    expect(negotiateFormat('*/*', false)).toBe('jpeg');
    expect(negotiateFormat(undefined, true)).toBe('png');
  });

  it('list srcset widths up to the image width, never upscaled', () => {
    const media = { publicUrl: 'https://api.example/media', publicOriginals: true, renditions } as never;
    const image = { id, url: 'x', width: 800, height: 400, storageKey: '2026/01/x.jpg', ...none };
    const srcset = new MediaUrls(media).srcset(image);
    expect(srcset?.split(', ').map((entry) => entry.split(' ')[1])).toEqual(['320w', '640w', '800w']);
  });
});

describe('cover crops', () => {
  it('cut the largest region of the aspect around the focal point, inside the edges', () => {
    expect(coverRegion(6000, 4000, 1, none)).toEqual({ left: 1000, top: 0, width: 4000, height: 4000 });
    expect(coverRegion(6000, 4000, 1, { ...none, focalX: 0.9, focalY: 0.5 })).toEqual({
      left: 2000,
      top: 0,
      width: 4000,
      height: 4000,
    });
    expect(coverRegion(6000, 4000, 1, { ...none, focalX: 0.1, focalY: 0.5 })).toEqual({
      left: 0,
      top: 0,
      width: 4000,
      height: 4000,
    });
    expect(coverRegion(4000, 6000, 16 / 9, { ...none, focalX: 0.5, focalY: 0.2 })).toEqual({
      left: 0,
      top: 75,
      width: 4000,
      height: 2250,
    });
  });

  it('use the named crop of a matching aspect', () => {
    const crops = { '1:1': { x: 0.5, y: 0.25, width: 0.25, height: 0.375 } };
    expect(coverRegion(6000, 4000, 1, { ...none, crops })).toEqual({ left: 3000, top: 1000, width: 1500, height: 1500 });
    expect(coverRegion(6000, 4000, 16 / 9, { ...none, crops })).toEqual({ left: 0, top: 313, width: 6000, height: 3375 });
  });

  it('never upscale: a rendition wider than the picture comes out at the picture size', () => {
    expect(renditionSize({ width: 800, height: 600 }, { width: 1200, height: 0, fit: 'inside' }, none)).toEqual({
      width: 800,
      height: 600,
    });
    expect(renditionSize({ width: 800, height: 600 }, { width: 1200, height: 675, fit: 'cover' }, none)).toEqual({
      width: 800,
      height: 450,
    });
  });
});
