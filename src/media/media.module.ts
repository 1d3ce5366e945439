import { Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { imageProjection, IMAGE_PROJECTION } from './image.projection.js';
import { ImageRepository } from './image.repository.js';
import { MediaUrls } from './renditions/media-urls.js';

// The public side of media: reading visible images and building their URLs.
@Module({
  providers: [
    ImageRepository,
    { provide: MediaUrls, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new MediaUrls(config.media) },
    { provide: IMAGE_PROJECTION, inject: [MediaUrls], useFactory: imageProjection },
  ],
  exports: [ImageRepository, MediaUrls, IMAGE_PROJECTION],
})
export class MediaModule {}
