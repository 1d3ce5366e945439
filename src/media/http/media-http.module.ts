import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { MediaLibraryModule } from '../media-library.module.js';
import { MediaModule } from '../media.module.js';
import { RenditionService } from '../renditions/rendition.service.js';
import { MediaFileController } from './media-file.controller.js';
import { MediaUploadController } from './media-upload.controller.js';
import { UploadErrorsInterceptor } from './upload-errors.interceptor.js';
import { uploadSpoolEngine } from './upload-spool.engine.js';

// The REST side of media: uploads (GraphQL has no good story for files), masters and renditions.
@Module({
  imports: [
    MediaModule,
    MediaLibraryModule,
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      // The file streams to a temporary file (removed after the upload is processed), never to memory.
      // One file and the three text fields; anything beyond that is refused, not buffered.
      useFactory: (config: AppConfig) => ({
        storage: uploadSpoolEngine,
        defParamCharset: 'utf8',
        limits: { fileSize: config.media.maxBytes, files: 1, fields: 10, fieldSize: 16 * 1024, parts: 12 },
      }),
    }),
  ],
  controllers: [MediaUploadController, MediaFileController],
  providers: [UploadErrorsInterceptor, RenditionService],
})
export class MediaHttpModule {}
