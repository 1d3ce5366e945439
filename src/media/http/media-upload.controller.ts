import { Body, Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Actor } from '../../access/actor.js';
import { CurrentActor } from '../../access/current-actor.decorator.js';
import { Requires } from '../../access/requires.decorator.js';
import { ImageUploadService, type UploadedFile as SpooledFile } from '../image-upload.service.js';
import { MediaUrls } from '../renditions/media-urls.js';
import { toImageJson, type ImageJson } from './image-json.mapper.js';
import { UploadErrorsInterceptor } from './upload-errors.interceptor.js';

// POST /admin/media: multipart/form-data with the image as "file", and optional "caption", "credit"
// and "altText". Limits come from MulterModule (media-http.module.ts), which streams the file to a
// temporary file on disk, stopping at MEDIA_MAX_BYTES: no upload is ever held in memory whole.
// The AuthorizationGuard authenticates the request before FileInterceptor reads a byte of its body.
@Controller('admin/media')
export class MediaUploadController {
  constructor(
    private readonly uploads: ImageUploadService,
    private readonly urls: MediaUrls,
  ) {}

  @Post()
  @Requires('CONTRIBUTOR', 'upload images')
  @HttpCode(201)
  @UseInterceptors(UploadErrorsInterceptor, FileInterceptor('file'))
  async upload(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: SpooledFile | undefined,
    @Body() fields: unknown,
  ): Promise<{ image: ImageJson }> {
    const image = await this.uploads.upload(actor, file, fields);
    return { image: toImageJson(image, this.urls) };
  }
}
