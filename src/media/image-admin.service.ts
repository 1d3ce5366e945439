import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Actor } from '../auth/actor.js';
import { requireActor, requireRole } from '../auth/roles.js';
import { AuditService } from '../audit/audit.service.js';
import { DomainEvents } from '../events/domain-events.service.js';
import type { Image } from '../generated/prisma/client.js';
import type { PageRequest } from '../common/pagination/page-request.js';
import { LOGGER } from '../logging/logging.module.js';
import { ImageAdminRepository, type ImageListFilter, type Tx } from './image-admin.repository.js';
import type { ImageMetadata } from './image-metadata.schema.js';
import { imageNotFound, imageNotTrashed } from './media.exception.js';
import { MEDIA_STORAGE, type MediaStorage } from './storage/media-storage.js';

const METADATA_KEYS = ['caption', 'credit', 'altText'] as const;

// The image library for editors. Anyone logged in may browse it (contributors pick pictures too);
// uploaders and editors edit the texts; editors trash and restore; only admins purge, and only what is
// already in the trash, since purging unlinks the picture from every article that shows it.
@Injectable()
export class ImageAdminService {
  constructor(
    private readonly images: ImageAdminRepository,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** A page of `limit + 1` rows for buildConnection, and the total, counted only when asked for. */
  async list(
    actor: Actor | null,
    filter: ImageListFilter,
    page: PageRequest,
  ): Promise<{ rows: Image[]; count: () => Promise<number> }> {
    requireActor(actor);
    return { rows: await this.images.list(filter, page), count: () => this.images.count(filter) };
  }

  get(actor: Actor | null, id: string): Promise<Image | null> {
    requireActor(actor);
    return this.images.findById(id);
  }

  /** Only the fields present change; null or blank clears one. */
  update(actor: Actor | null, id: string, metadata: ImageMetadata): Promise<Image> {
    const editor = requireActor(actor);
    return this.images.transaction(async (tx) => {
      const image = await this.existing(tx, id);
      const ownUpload = editor.userId !== null && editor.userId === image.createdById;
      if (!ownUpload) requireRole(editor, 'EDITOR', 'edit images others uploaded');
      const changes = METADATA_KEYS.filter((key) => metadata[key] !== undefined && metadata[key] !== image[key]);
      if (changes.length === 0) return image;
      const data = Object.fromEntries(changes.map((key) => [key, metadata[key]]));
      const updated = await this.images.update(tx, id, data);
      const details = Object.fromEntries(changes.map((key) => [key, { from: image[key], to: updated[key] }]));
      await this.audit.record(tx, editor, { action: 'image.updated', entityType: 'Image', entityId: id, details });
      if (!image.deletedAt) await this.events.record(tx, { entity: 'image', id, action: 'updated', fields: changes });
      return updated;
    });
  }

  trash(actor: Actor | null, id: string): Promise<Image> {
    return this.setTrashed(requireRole(actor, 'EDITOR', 'trash images'), id, true);
  }

  restore(actor: Actor | null, id: string): Promise<Image> {
    return this.setTrashed(requireRole(actor, 'EDITOR', 'restore images'), id, false);
  }

  /** Deletes the row, then the file: a file left by a failed delete is logged, never a dangling row. */
  async purge(actor: Actor | null, id: string): Promise<Image> {
    const admin = requireRole(actor, 'ADMIN', 'purge images');
    const purged = await this.images.transaction(async (tx) => {
      const image = await this.existing(tx, id);
      if (!image.deletedAt) throw imageNotTrashed();
      await this.images.delete(tx, id);
      await this.audit.record(tx, admin, {
        action: 'image.purged',
        entityType: 'Image',
        entityId: id,
        details: { url: image.url, storageKey: image.storageKey },
      });
      // Only trashed images are purged: the public stopped seeing it when it was trashed.
      return image;
    });
    if (purged.storageKey) await this.deleteFile(purged.storageKey);
    return purged;
  }

  // Trashing what is already in the trash (or restoring a live image) changes nothing and records nothing.
  private setTrashed(editor: Actor, id: string, trashed: boolean): Promise<Image> {
    return this.images.transaction(async (tx) => {
      const image = await this.existing(tx, id);
      if ((image.deletedAt !== null) === trashed) return image;
      const updated = await this.images.update(tx, id, { deletedAt: trashed ? new Date() : null });
      const action = trashed ? 'image.trashed' : 'image.restored';
      await this.audit.record(tx, editor, { action, entityType: 'Image', entityId: id });
      await this.events.record(tx, { entity: 'image', id, action: trashed ? 'deleted' : 'published' });
      return updated;
    });
  }

  private async existing(tx: Tx, id: string): Promise<Image> {
    const image = await this.images.findById(id, tx);
    if (!image) throw imageNotFound();
    return image;
  }

  private async deleteFile(key: string) {
    try {
      await this.storage.delete(key);
    } catch (error) {
      this.logger.error({ err: error, storageKey: key }, 'Purged an image but could not delete its file');
    }
  }
}
