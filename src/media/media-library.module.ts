import { Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ImageEditorRepository } from './image-editor.repository.js';
import { ImageEditorService } from './image-editor.service.js';
import { ImageUploadService } from './image-upload.service.js';
import { MediaModule } from './media.module.js';
import { LocalDiskStorage } from './storage/local-disk.storage.js';
import { MEDIA_STORAGE } from './storage/media-storage.js';
import { S3Storage } from './storage/s3.storage.js';

// The one place that picks the storage (MEDIA_STORAGE=local|s3); services depend on MEDIA_STORAGE only.
const mediaStorage = {
  provide: MEDIA_STORAGE,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => (config.media.storage === 's3' ? new S3Storage(config) : new LocalDiskStorage(config)),
};

// The editors' side of media, shared by the admin GraphQL module and the upload and file routes.
@Module({
  imports: [MediaModule],
  providers: [mediaStorage, ImageEditorRepository, ImageEditorService, ImageUploadService],
  exports: [ImageEditorService, ImageUploadService, MEDIA_STORAGE, MediaModule],
})
export class MediaLibraryModule {}
