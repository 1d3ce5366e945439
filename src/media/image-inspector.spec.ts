import { DomainError } from '../common/domain-error.js';
import { ACCEPTED_IMAGES, AVIF, BAD_FILES, GIF, JPEG, JPEG_ROTATED, PNG, WEBP } from '../../test/fixtures/images.js';
import { inspectImage } from './image-inspector.js';

function refusal(data: Buffer): string {
  try {
    inspectImage(data);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('BAD_USER_INPUT');
    return (error as DomainError).message;
  }
  throw new Error('the file was accepted');
}

describe('inspectImage', () => {
  it.each(ACCEPTED_IMAGES.map((image) => [image.contentType, image] as const))('accepts %s with its dimensions', (_, image) => {
    const inspected = inspectImage(image.data);
    expect(inspected.format.contentType).toBe(image.contentType);
    expect({ width: inspected.width, height: inspected.height }).toEqual({ width: image.width, height: image.height });
  });

  it('reports the displayed dimensions of a JPEG turned by its EXIF orientation', () => {
    expect(inspectImage(JPEG_ROTATED.data)).toMatchObject({ width: 3, height: 5 });
  });

  it.each(BAD_FILES.map((file) => [file.label, file] as const))('refuses %s', (_, file) => {
    expect(refusal(file.data)).toMatch(/^Unsupported file: file: /);
  });

  it.each([
    ['JPEG', JPEG],
    ['PNG', PNG],
    ['WebP', WEBP],
    ['AVIF', AVIF],
    ['GIF', GIF],
  ])('refuses a %s cut short', (_, image) => {
    for (const keep of [0.5, 0.9]) {
      expect(refusal(image.data.subarray(0, Math.floor(image.data.length * keep)))).toMatch(/not a|incomplete/);
    }
    expect(refusal(image.data.subarray(0, image.data.length - 1))).toMatch(/not a|incomplete/);
  });

  it('tolerates bytes after the end of a complete JPEG, as some cameras write', () => {
    expect(inspectImage(Buffer.concat([JPEG.data, Buffer.from('trailer')])).width).toBe(5);
  });

  it('refuses a PNG header glued onto something else', () => {
    expect(refusal(Buffer.concat([PNG.data.subarray(0, 33), Buffer.from('<?php system($_GET[0]); ?>')]))).toMatch(/incomplete/);
  });

  it('refuses an empty file', () => {
    expect(refusal(Buffer.alloc(0))).toMatch(/not a JPEG, PNG, WebP, AVIF or GIF image/);
  });
});
