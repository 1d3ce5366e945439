import { Body, Controller, HttpCode, Post, Req, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ImageUploadService } from '../image-upload.service.js';
import { BearerAuthGuard, type AuthenticatedRequest } from './bearer-auth.guard.js';
import { toImageJson, type ImageJson } from './image-json.mapper.js';
import { UploadErrorsInterceptor } from './upload-errors.interceptor.js';

// POST /admin/media: multipart/form-data with the image as "file", and optional "caption", "credit"
// and "altText". Size limits come from MulterModule (media-http.module.ts); the file is held in memory
// (at most MEDIA_MAX_BYTES) because it is inspected whole before anything is stored.
@Controller('admin/media')
@UseGuards(BearerAuthGuard)
export class MediaUploadController {
  constructor(private readonly uploads: ImageUploadService) {}

  @Post()
  @HttpCode(201)
  @UseInterceptors(UploadErrorsInterceptor, FileInterceptor('file'))
  async upload(
    @Req() req: AuthenticatedRequest,
    @UploadedFile() file: { buffer: Buffer } | undefined,
    @Body() fields: unknown,
  ): Promise<{ image: ImageJson }> {
    const image = await this.uploads.upload(req.actor ?? null, file, fields);
    return { image: toImageJson(image) };
  }
}
