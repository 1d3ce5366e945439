import { Module } from '@nestjs/common';
import { ImageEditorRepository } from './image-editor.repository.js';
import { ImageEditorService } from './image-editor.service.js';
import { ImageUploadService } from './image-upload.service.js';
import { MediaModule } from './media.module.js';
import { MediaStorageModule } from './storage/media-storage.module.js';

// The editors' side of media, shared by the admin GraphQL module and the upload and file routes.
@Module({
  imports: [MediaStorageModule, MediaModule],
  providers: [ImageEditorRepository, ImageEditorService, ImageUploadService],
  exports: [ImageEditorService, ImageUploadService, MediaStorageModule, MediaModule],
})
export class MediaLibraryModule {}
