import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';

export interface StoredFile {
  readonly body: Readable;
  readonly size: number;
}

/**
 * Where media files live: local disk or an S3-compatible bucket (media-library.module.ts picks one).
 * The app writes whole files under keys it makes itself, reads them back to serve /media and to render
 * renditions, and deletes them. Both drivers make a written file appear whole or not at all.
 */
export interface MediaStorage {
  /** A stream is consumed as it arrives (no whole file in memory). */
  put(key: string, data: Buffer | Readable, contentType: string): Promise<void>;
  /** null when there is no such file. */
  get(key: string): Promise<StoredFile | null>;
  /** Deleting a key that does not exist is not an error. */
  delete(key: string): Promise<void>;
  /** Deletes every file whose key starts with the prefix (an image's renditions). */
  deletePrefix(prefix: string): Promise<void>;
}

export const MEDIA_STORAGE = Symbol('MEDIA_STORAGE');

// Masters are "<year>/<month>/<uuid>.<ext>": unguessable, never reused (so they can be cached forever),
// and spread over folders by upload month so no folder grows without bound.
export const STORAGE_KEY_PATTERN =
  /^\d{4}\/\d{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(jpg|png|webp|avif|gif)$/;

// Renditions are "renditions/<image uuid>/<w>x<h>-<fit>-<version>.<ext>" (rendition-spec.ts), apart
// from masters so that a bucket policy can make only them public.
export const RENDITION_KEY_PATTERN =
  /^renditions\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/\d{1,5}x\d{1,5}-(inside|cover)-[0-9a-f]{8}\.(jpg|png|webp|avif)$/;

export const RENDITION_PREFIX_PATTERN = /^renditions\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/$/;

export function isStorageKey(key: string): boolean {
  return STORAGE_KEY_PATTERN.test(key) || RENDITION_KEY_PATTERN.test(key);
}

export function newStorageKey(extension: string, now: Date = new Date()): string {
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `${now.getUTCFullYear()}/${month}/${randomUUID()}.${extension}`;
}

export function renditionPrefix(imageId: string): string {
  return `renditions/${imageId}/`;
}
