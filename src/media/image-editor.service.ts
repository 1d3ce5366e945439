import { TransactionRunner } from '../database/transaction-runner.js';
import type { Tx } from '../database/tx.js';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Actor } from '../access/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { DomainEvents } from '../events/domain-events.service.js';
import type { Image } from '../generated/prisma/client.js';
import type { PageRequest } from '../common/pagination/page-request.js';
import { buildConnection } from '../common/pagination/build-connection.js';
import type { Connection } from '../common/pagination/connection.js';
import { AdminImageModel } from './admin/admin-image.model.js';
import { LOGGER } from '../logging/logging.module.js';
import { ImageEditorRepository, imageCursor, type ImageListFilter } from './image-editor.repository.js';
import type { ImageMetadata } from './image-metadata.schema.js';
import { imageInUse, imageNotFound, imageNotTrashed } from './media.exception.js';
import { assertCanEditImage } from './image-access.policy.js';
import { framingChanges, type FramingInput } from './image-framing.js';
import { MEDIA_STORAGE, renditionPrefix, type MediaStorage } from './storage/media-storage.js';
import { toGlobalId } from '../common/global-id.js';
import type { ImageUsageRow } from './image-editor.repository.js';

const METADATA_KEYS = ['caption', 'credit', 'altText'] as const;

// The image library for editors. Anyone logged in may browse it (contributors pick pictures too);
// uploaders and editors edit the texts (image-access.policy.ts); editors trash and restore; only admins
// purge (the roles are declared on the operations), and only what is already in the trash, since
// purging unlinks the picture from every article that shows it.
@Injectable()
export class ImageEditorService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly images: ImageEditorRepository,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async list(filter: ImageListFilter, page: PageRequest): Promise<Connection<AdminImageModel>> {
    const rows = await this.images.list(filter, page);
    return buildConnection(rows, page, imageCursor, () => this.images.count(filter), AdminImageModel.fromRow);
  }

  get(id: string): Promise<Image | null> {
    return this.images.findById(id);
  }

  /** The articles that show the image, one entry per article. */
  async usage(id: string): Promise<ImageUsage[]> {
    return groupUsage(await this.images.usage(id));
  }

  /** Only the fields present change; null or blank clears one. */
  update(editor: Actor, id: string, metadata: ImageMetadata & FramingInput): Promise<Image> {
    return this.transactions.run(async (tx) => {
      const image = await this.existing(tx, id);
      assertCanEditImage(editor, image);
      const changes = METADATA_KEYS.filter((key) => metadata[key] !== undefined && metadata[key] !== image[key]);
      const framing = framingChanges(image, metadata);
      if (changes.length === 0 && Object.keys(framing.data).length === 0) return image;
      const data = { ...Object.fromEntries(changes.map((key) => [key, metadata[key]])), ...framing.data };
      const updated = await this.images.update(tx, id, data);
      const details = {
        ...Object.fromEntries(changes.map((key) => [key, { from: image[key], to: updated[key] }])),
        ...framing.details,
      };
      await this.audit.record(tx, editor, { action: 'image.updated', entityType: 'Image', entityId: id, details });
      if (!image.deletedAt) await this.events.record(tx, { entity: 'image', id, action: 'updated', fields: changes });
      return updated;
    });
  }

  trash(editor: Actor, id: string): Promise<Image> {
    return this.setTrashed(editor, id, true);
  }

  restore(editor: Actor, id: string): Promise<Image> {
    return this.setTrashed(editor, id, false);
  }

  /** Deletes the row, then the file: a file left by a failed delete is logged, never a dangling row. */
  async purge(admin: Actor, id: string): Promise<Image> {
    const purged = await this.transactions.run(async (tx) => {
      const image = await this.existing(tx, id);
      if (!image.deletedAt) throw imageNotTrashed();
      await this.refuseInUse(tx, id);
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
    if (purged.storageKey) await this.deleteFiles(purged.storageKey, purged.id);
    return purged;
  }

  // Trashing what is already in the trash (or restoring a live image) changes nothing and records nothing.
  private setTrashed(editor: Actor, id: string, trashed: boolean): Promise<Image> {
    return this.transactions.run(async (tx) => {
      const image = await this.existing(tx, id);
      if ((image.deletedAt !== null) === trashed) return image;
      if (trashed) await this.refuseInUse(tx, id);
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

  // Trashing or purging an image an article shows would leave a hole in that article: refused, naming
  // the articles (trashed ones too, since they can be restored).
  private async refuseInUse(tx: Tx, id: string): Promise<void> {
    const usage = groupUsage(await this.images.usage(id, tx));
    if (usage.length)
      throw imageInUse(usage.map(({ articleId, headline, status, trashed }) => ({ id: articleId, headline, status, trashed })));
  }

  private async deleteFiles(key: string, imageId: string) {
    try {
      await this.storage.delete(key);
      await this.storage.deletePrefix(renditionPrefix(imageId));
    } catch (error) {
      this.logger.error({ err: error, storageKey: key }, 'Purged an image but could not delete its files');
    }
  }
}

export interface ImageUsage {
  /** The Article global id. */
  articleId: string;
  headline: string;
  status: string;
  trashed: boolean;
  usedAs: string[];
  live: boolean;
  pending: boolean;
}

function groupUsage(rows: ImageUsageRow[]): ImageUsage[] {
  const byArticle = new Map<string, ImageUsage>();
  for (const row of rows) {
    const id = toGlobalId('Article', row.articleId);
    const entry = byArticle.get(id) ?? { ...row, articleId: id, usedAs: [], live: false, pending: false };
    const usedAs = row.usedAs.toUpperCase();
    if (!entry.usedAs.includes(usedAs)) entry.usedAs.push(usedAs);
    if (row.source === 'live') entry.live = true;
    else entry.pending = true;
    byArticle.set(id, entry);
  }
  return [...byArticle.values()].map(({ articleId, headline, status, trashed, usedAs, live, pending }) => ({
    articleId,
    headline,
    status,
    trashed,
    usedAs: usedAs.sort(),
    live,
    pending,
  }));
}
