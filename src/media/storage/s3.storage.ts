import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import {
  RENDITION_PREFIX_PATTERN,
  STORAGE_KEY_PATTERN,
  isStorageKey,
  type MediaStorage,
  type StoredFile,
} from './media-storage.js';

// An S3-compatible bucket (AWS S3, MinIO, R2...). Masters go under "<prefix>originals/", renditions under
// "<prefix>renditions/": the app serves both at /media, so the bucket can stay private; a bucket policy
// may still make renditions/ alone public for a CDN that reads the bucket directly.
@Injectable()
export class S3Storage implements MediaStorage, OnModuleDestroy {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const s3 = config.media.s3;
    this.bucket = s3.bucket;
    this.prefix = s3.prefix;
    this.client = new S3Client({
      region: s3.region,
      endpoint: s3.endpoint,
      forcePathStyle: s3.forcePathStyle,
      // A copy: the SDK annotates the object it is given, and the configuration is frozen.
      credentials: s3.credentials ? { ...s3.credentials } : undefined,
      // Checksums only where S3 requires them: several S3-compatible servers reject the newer defaults.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  // lib-storage streams a Readable as a multipart upload (5 MB parts), a small body as one PutObject;
  // either way the object appears whole or not at all.
  async put(key: string, data: Buffer | Readable, contentType: string): Promise<void> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: this.objectKey(key), Body: data, ContentType: contentType },
      queueSize: 2,
    });
    await upload.done();
  }

  async get(key: string): Promise<StoredFile | null> {
    if (!isStorageKey(key)) return null;
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      return { body: object.Body as Readable, size: object.ContentLength ?? 0 };
    } catch (error) {
      if (
        error instanceof NoSuchKey ||
        (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404
      ) {
        return null;
      }
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }

  async deletePrefix(prefix: string): Promise<void> {
    if (!RENDITION_PREFIX_PATTERN.test(prefix)) throw new Error(`Not a media storage prefix: ${JSON.stringify(prefix)}`);
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.prefix + prefix, ContinuationToken: token }),
      );
      const keys = (page.Contents ?? []).flatMap((object) => (object.Key ? [{ Key: object.Key }] : []));
      if (keys.length) await this.client.send(new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: keys } }));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  onModuleDestroy(): void {
    this.client.destroy();
  }

  private objectKey(key: string): string {
    if (!isStorageKey(key)) throw new Error(`Not a media storage key: ${JSON.stringify(key)}`);
    return STORAGE_KEY_PATTERN.test(key) ? `${this.prefix}originals/${key}` : `${this.prefix}${key}`;
  }
}
