import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Actor } from '../auth/actor.js';
import { requireRole } from '../auth/roles.js';
import { AuditService } from '../audit/audit.service.js';
import { DomainEvents } from '../events/domain-events.service.js';
import { parseInput } from '../common/parse-input.js';
import type { Image } from '../generated/prisma/client.js';
import { LOGGER } from '../logging/logging.module.js';
import { ImageAdminRepository } from './image-admin.repository.js';
import { inspectImage } from './image-inspector.js';
import { uploadFieldsSchema } from './image-metadata.schema.js';
import { missingFile } from './media.exception.js';
import { MEDIA_STORAGE, newStorageKey, type MediaStorage } from './storage/media-storage.js';

export interface UploadedFile {
  readonly buffer: Buffer;
}

// Turns an uploaded file into an image of the library. Everything that can refuse the upload runs
// before the file is stored, and a stored file whose row could not be written is removed again, so a
// failure leaves neither a file nor a row behind.
@Injectable()
export class ImageUploadService {
  constructor(
    private readonly images: ImageAdminRepository,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async upload(actor: Actor | null, file: UploadedFile | undefined, fields: unknown): Promise<Image> {
    const uploader = requireRole(actor, 'CONTRIBUTOR', 'upload images');
    const metadata = parseInput(uploadFieldsSchema, fields ?? {});
    if (!file || file.buffer.length === 0) throw missingFile();
    const { format, width, height } = inspectImage(file.buffer);

    const key = newStorageKey(format.extension);
    await this.storage.put(key, file.buffer, format.contentType);
    try {
      return await this.images.transaction(async (tx) => {
        const image = await this.images.create(tx, {
          url: this.storage.publicUrl(key),
          storageKey: key,
          contentType: format.contentType,
          byteSize: file.buffer.length,
          width,
          height,
          caption: metadata.caption ?? null,
          credit: metadata.credit ?? null,
          altText: metadata.altText ?? null,
          createdById: uploader.userId,
        });
        await this.audit.record(tx, uploader, {
          action: 'image.created',
          entityType: 'Image',
          entityId: image.id,
          details: { storageKey: key, contentType: format.contentType, byteSize: image.byteSize, width, height },
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
