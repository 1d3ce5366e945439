import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { DomainError } from '../../common/domain-error.js';
import { ACCEPTED_IMAGES, AVIF, BAD_FILES, GIF, JPEG, JPEG_ROTATED, PNG, WEBP } from '../../../test/fixtures/images.js';
import { sanitizeImage } from './image-sanitizer.js';

let dir: string;
let count = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsdesk-sanitizer-'));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

async function sanitize(data: Buffer, maxPixels = 50_000_000) {
  count += 1;
  const input = join(dir, `in-${count}`);
  await writeFile(input, data);
  const output = join(dir, `out-${count}`);
  return { result: await sanitizeImage(input, output, maxPixels), output };
}

async function refusal(data: Buffer, maxPixels?: number): Promise<DomainError> {
  try {
    await sanitize(data, maxPixels);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('BAD_USER_INPUT');
    return error as DomainError;
  }
  throw new Error('the file was accepted');
}

describe('sanitizeImage', () => {
  it.each(ACCEPTED_IMAGES.map((image) => [image.contentType, image] as const))(
    'accepts %s with its dimensions',
    async (_, image) => {
      const { result, output } = await sanitize(image.data);
      expect(result.format.contentType).toBe(image.contentType);
      expect({ width: result.width, height: result.height }).toEqual({ width: image.width, height: image.height });
      expect((await sharp(output).metadata()).width).toBe(image.width);
    },
  );

  it('turns the pixels of a JPEG by its EXIF orientation and drops the tag', async () => {
    const { result, output } = await sanitize(JPEG_ROTATED.data);
    expect(result).toMatchObject({ width: 3, height: 5 });
    const written = await sharp(output).metadata();
    expect({ width: written.width, height: written.height, orientation: written.orientation, exif: written.exif }).toEqual({
      width: 3,
      height: 5,
      orientation: undefined,
      exif: undefined,
    });
  });

  it.each(BAD_FILES.map((file) => [file.label, file] as const))('refuses %s', async (_, file) => {
    expect((await refusal(file.data)).message).toMatch(/^Unsupported file: file: /);
  });

  // Every pixel is decoded, so a file cut off in its image data fails. (A file missing only its last
  // trailer bytes decodes whole and is accepted: its re-encoded master is complete.)
  it.each([
    ['JPEG', JPEG],
    ['PNG', PNG],
    ['WebP', WEBP],
    ['AVIF', AVIF],
    ['GIF', GIF],
  ])('refuses a %s cut in half', async (_, image) => {
    expect((await refusal(image.data.subarray(0, Math.floor(image.data.length / 2)))).message).toMatch(/not a|incomplete/);
  });

  it('refuses an image with more pixels than the limit before decoding it', async () => {
    const error = await refusal(PNG.data, 11);
    expect(error.details).toMatchObject({ reason: 'TOO_MANY_PIXELS', maxPixels: 11, issues: [{ path: 'file' }] });
    expect(error.message).toContain('4x3 pixels');
  });

  it('refuses an empty file', async () => {
    expect((await refusal(Buffer.alloc(0))).message).toMatch(/not a JPEG, PNG, WebP, AVIF or GIF image/);
  });
});
