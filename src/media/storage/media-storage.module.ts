import { Module } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { LocalDiskStorage } from './local-disk.storage.js';
import { MEDIA_STORAGE } from './media-storage.js';
import { S3Storage } from './s3.storage.js';

// The one place that picks the storage (MEDIA_STORAGE=local|s3); services depend on MEDIA_STORAGE only.
@Module({
  providers: [
    {
      provide: MEDIA_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => (config.media.storage === 's3' ? new S3Storage(config) : new LocalDiskStorage(config)),
    },
  ],
  exports: [MEDIA_STORAGE],
})
export class MediaStorageModule {}
