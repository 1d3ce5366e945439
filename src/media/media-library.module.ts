import { Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ImageEditorRepository } from './image-editor.repository.js';
import { ImageEditorService } from './image-editor.service.js';
import { ImageUploadService } from './image-upload.service.js';
import { MediaModule } from './media.module.js';
import { LocalDiskStorage } from './storage/local-disk.storage.js';
import { MEDIA_STORAGE, type MediaStorage } from './storage/media-storage.js';

// The one place that picks the storage (MEDIA_STORAGE=local|s3); services depend on MEDIA_STORAGE only.
// The AWS SDK is loaded only when S3 is chosen: it is one of the app's heaviest imports (paid at every
// start and in every test file), and local storage never needs it.
const mediaStorage = {
  provide: MEDIA_STORAGE,
  inject: [APP_CONFIG],
  useFactory: async (config: AppConfig): Promise<MediaStorage> => {
    if (config.media.storage !== 's3') return new LocalDiskStorage(config);
    const { S3Storage } = await import('./storage/s3.storage.js');
    return new S3Storage(config);
  },
};

// The editors' side of media, shared by the admin GraphQL module and the upload and file routes.
@Module({
  imports: [MediaModule],
  providers: [mediaStorage, ImageEditorRepository, ImageEditorService, ImageUploadService],
  exports: [ImageEditorService, ImageUploadService, MEDIA_STORAGE, MediaModule],
})
export class MediaLibraryModule {}
