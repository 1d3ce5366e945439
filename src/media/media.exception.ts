import { DomainError } from '../common/domain-error.js';

// The errors of the media feature, all with the shared domain codes.

export function unsupportedImage(reason: string): DomainError {
  return DomainError.badInput([{ path: 'file', message: reason }], 'Unsupported file');
}

export function missingFile(): DomainError {
  return DomainError.badInput([{ path: 'file', message: 'is required: send the image as the multipart field "file"' }]);
}

export function imageNotFound(path = 'input.id'): DomainError {
  return new DomainError('NOT_FOUND', 'No image with this id', { path });
}

export function fileNotFound(): DomainError {
  return new DomainError('NOT_FOUND', 'No such file');
}

export function imageNotTrashed(): DomainError {
  return new DomainError('CONFLICT', 'Only an image in the trash can be purged: trash it first');
}

export function tooManyPixels(width: number, height: number, maxPixels: number): DomainError {
  const megapixels = (pixels: number) => `${+(pixels / 1_000_000).toFixed(1)} MP`;
  return new DomainError(
    'BAD_USER_INPUT',
    `Image too large: file: is ${width}x${height} pixels (${megapixels(width * height)}), more than the limit of ${megapixels(maxPixels)}`,
    { issues: [{ path: 'file', message: `has more than ${maxPixels} pixels` }], reason: 'TOO_MANY_PIXELS', maxPixels },
  );
}

export function imageInUse(articles: readonly { id: string; headline: string }[]): DomainError {
  return new DomainError(
    'CONFLICT',
    `The image is used by ${articles.length} article(s): remove it from them first (${articles.map((a) => `"${a.headline}"`).join(', ')})`,
    { reason: 'IMAGE_IN_USE', articles },
  );
}
