import { Module } from '@nestjs/common';
import { LocalDiskStorage } from './local-disk.storage.js';
import { MEDIA_STORAGE } from './media-storage.js';

// The one place that picks the storage; services depend on MEDIA_STORAGE only.
@Module({
  providers: [LocalDiskStorage, { provide: MEDIA_STORAGE, useExisting: LocalDiskStorage }],
  exports: [LocalDiskStorage, MEDIA_STORAGE],
})
export class MediaStorageModule {}
