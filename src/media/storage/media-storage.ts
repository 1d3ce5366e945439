import { randomUUID } from 'node:crypto';

/**
 * Where uploaded files live. The app only ever writes whole files under keys it makes itself, deletes
 * them, and hands out their public URL; reading them back is the public URL's business.
 *
 * An S3-compatible store (S3, R2, MinIO, GCS in interop mode) would implement it with the AWS SDK:
 * put = PutObject with the key, ContentType and `Cache-Control: public, max-age=31536000, immutable`
 * (an object appears whole or not at all, so no temporary name is needed); delete = DeleteObject
 * (already idempotent); publicUrl = the bucket's or CDN's base URL + key. It would be registered under
 * MEDIA_STORAGE in MediaStorageModule instead of the local disk, and /media would no longer be served.
 */
export interface MediaStorage {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** Deleting a key that does not exist is not an error. */
  delete(key: string): Promise<void>;
  publicUrl(key: string): string;
}

export const MEDIA_STORAGE = Symbol('MEDIA_STORAGE');

// Keys are "<year>/<month>/<uuid>.<ext>": unguessable, never reused (so they can be cached forever),
// and spread over folders by upload month so no folder grows without bound.
export const STORAGE_KEY_PATTERN =
  /^\d{4}\/\d{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(jpg|png|webp|avif|gif)$/;

export function newStorageKey(extension: string, now: Date = new Date()): string {
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `${now.getUTCFullYear()}/${month}/${randomUUID()}.${extension}`;
}
