import { Module } from '@nestjs/common';
import { ImageAdminRepository } from './image-admin.repository.js';
import { ImageAdminService } from './image-admin.service.js';
import { ImageUploadService } from './image-upload.service.js';
import { MediaModule } from './media.module.js';
import { MediaStorageModule } from './storage/media-storage.module.js';

// The editors' side of media, shared by the admin GraphQL module and the upload and file routes.
@Module({
  imports: [MediaStorageModule, MediaModule],
  providers: [ImageAdminRepository, ImageAdminService, ImageUploadService],
  exports: [ImageAdminService, ImageUploadService, MediaStorageModule, MediaModule],
})
export class MediaLibraryModule {}
