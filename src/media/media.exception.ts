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

export function imageNotTrashed(): DomainError {
  return new DomainError('CONFLICT', 'Only an image in the trash can be purged: trash it first');
}
