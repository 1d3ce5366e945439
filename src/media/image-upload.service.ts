import { TransactionRunner } from '../database/transaction-runner.js';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Actor } from '../access/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { DomainEvents } from '../events/domain-events.service.js';
import { parseInput } from '../common/parse-input.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { Image } from '../generated/prisma/client.js';
import { LOGGER } from '../logging/logging.module.js';
import { ImageEditorRepository } from './image-editor.repository.js';
import { uploadFieldsSchema } from './image-metadata.schema.js';
import { missingFile } from './media.exception.js';
import { sanitizeImage, type SanitizedImage } from './processing/image-sanitizer.js';
import { MEDIA_STORAGE, newStorageKey, type MediaStorage } from './storage/media-storage.js';

/** The upload as multer spooled it to a temporary file (media-http.module.ts). */
export interface UploadedFile {
  readonly path: string;
  readonly size: number;
  readonly originalname?: string;
}

// Turns an uploaded file into an image of the library. The request body was streamed to a temporary
// file (never held in memory); sharp reads it from there and writes the sanitised master, which is
// streamed to the storage. Everything that can refuse the upload runs before anything is stored, and
// a stored file whose row could not be written is removed again: a failure leaves no file and no row.
@Injectable()
export class ImageUploadService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly images: ImageEditorRepository,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async upload(uploader: Actor, file: UploadedFile | undefined, fields: unknown): Promise<Image> {
    try {
      const metadata = parseInput(uploadFieldsSchema, fields ?? {});
      if (!file || file.size === 0) throw missingFile();
      const workDir = await mkdtemp(join(tmpdir(), 'newsdesk-upload-'));
      try {
        const masterPath = join(workDir, 'master');
        const master = await sanitizeImage(file.path, masterPath, this.config.media.maxPixels);
        const key = newStorageKey(master.format.extension);
        await this.storage.put(key, createReadStream(masterPath), master.format.contentType);
        return await this.record(uploader, key, master, metadata, fileName(file.originalname));
      } finally {
        await rm(workDir, { recursive: true, force: true });
      }
    } finally {
      if (file) await rm(file.path, { force: true });
    }
  }

  private async record(
    uploader: Actor,
    key: string,
    master: SanitizedImage,
    metadata: { caption?: string | null; credit?: string | null; altText?: string | null },
    originalFilename: string | null,
  ): Promise<Image> {
    const { format, width, height, byteSize } = master;
    try {
      return await this.transactions.run(async (tx) => {
        const image = await this.images.create(tx, {
          url: `${this.config.media.publicUrl}/${key}`,
          storageKey: key,
          contentType: format.contentType,
          byteSize,
          width,
          height,
          // Empty fields are prefilled from the photo's IPTC/XMP caption and credit, as agencies write them.
          caption: metadata.caption ?? master.embedded.caption,
          credit: metadata.credit ?? master.embedded.credit,
          altText: metadata.altText ?? null,
          originalFilename,
          createdById: uploader.userId,
        });
        await this.audit.record(tx, uploader, {
          action: 'image.created',
          entityType: 'Image',
          entityId: image.id,
          details: { storageKey: key, contentType: format.contentType, byteSize, width, height },
        });
        await this.events.record(tx, { entity: 'image', id: image.id, action: 'published' });
        return image;
      });
    } catch (error) {
      await this.removeOrphan(key);
      throw error;
    }
  }

  private async removeOrphan(key: string) {
    try {
      await this.storage.delete(key);
    } catch (error) {
      this.logger.error({ err: error, storageKey: key }, 'Could not remove the file of a failed upload');
    }
  }
}

// Kept for search only; control characters and path parts are dropped.
function fileName(name: string | undefined): string | null {
  const base = (name ?? '')
    .split(/[\\/]/)
    .at(-1)!
    .replace(/\p{Cc}/gu, '')
    .trim();
  return base === '' ? null : Array.from(base).slice(0, 255).join('');
}
