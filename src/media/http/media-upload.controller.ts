import { Body, Controller, HttpCode, Post, Req, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ImageUploadService, type UploadedFile as SpooledFile } from '../image-upload.service.js';
import { MediaUrls } from '../renditions/media-urls.js';
import { BearerAuthGuard, type AuthenticatedRequest } from './bearer-auth.guard.js';
import { toImageJson, type ImageJson } from './image-json.mapper.js';
import { UploadErrorsInterceptor } from './upload-errors.interceptor.js';

// POST /admin/media: multipart/form-data with the image as "file", and optional "caption", "credit"
// and "altText". Limits come from MulterModule (media-http.module.ts), which streams the file to a
// temporary file on disk, stopping at MEDIA_MAX_BYTES: no upload is ever held in memory whole.
@Controller('admin/media')
@UseGuards(BearerAuthGuard)
export class MediaUploadController {
  constructor(
    private readonly uploads: ImageUploadService,
    private readonly urls: MediaUrls,
  ) {}

  @Post()
  @HttpCode(201)
  @UseInterceptors(UploadErrorsInterceptor, FileInterceptor('file'))
  async upload(
    @Req() req: AuthenticatedRequest,
    @UploadedFile() file: SpooledFile | undefined,
    @Body() fields: unknown,
  ): Promise<{ image: ImageJson }> {
    const image = await this.uploads.upload(req.actor ?? null, file, fields);
    return { image: toImageJson(image, this.urls) };
  }
}
