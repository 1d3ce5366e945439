import { Controller, Get, Headers, Inject, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { CacheKeys } from '../../common/cache-keys.js';
import { fileNotFound } from '../media.exception.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { ImageRepository } from '../image.repository.js';
import { formatOfExtension } from '../processing/image-sanitizer.js';
import { parseRenditionPath } from '../renditions/rendition-spec.js';
import { RenditionService } from '../renditions/rendition.service.js';
import { MEDIA_STORAGE, STORAGE_KEY_PATTERN, type MediaStorage } from '../storage/media-storage.js';

const ONE_YEAR_SECONDS = 31_536_000;
const IMMUTABLE = `public, max-age=${ONE_YEAR_SECONDS}, immutable`;

// GET /media/<year>/<month>/<uuid>.<ext>: a stored master (when MEDIA_PUBLIC_ORIGINALS);
// GET /media/<image uuid>/<w>x<h>/<fit>-<version>.<ext|auto>: a rendition, rendered on first request.
// Both come from the media storage (local disk or S3), only for images that are not in the trash, and
// only for well-formed paths, so no "..", encoded or not, ever reaches a file system or a bucket. URLs
// never change meaning, so responses are cacheable forever; Surrogate-Key lets a CDN drop them when
// the image is trashed (the image's cache key is purged then).
@Controller('media')
export class MediaFileController {
  constructor(
    private readonly images: ImageRepository,
    private readonly renditions: RenditionService,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('*key')
  async serve(@Param('key') key: string | string[], @Headers('accept') accept: string | undefined, @Res() res: Response) {
    const path = Array.isArray(key) ? key.join('/') : key;
    if (STORAGE_KEY_PATTERN.test(path)) return this.serveMaster(path, res);
    const rendition = parseRenditionPath(path);
    if (!rendition) throw fileNotFound();
    const result = await this.renditions.serve(rendition, accept);
    if (result.kind === 'none') throw fileNotFound();
    if (result.kind === 'busy') {
      res.status(503).setHeader('Retry-After', '5').setHeader('Cache-Control', 'no-store');
      res.json({ error: { code: 'SERVICE_UNAVAILABLE', message: 'Too many renditions are being rendered; retry shortly' } });
      return;
    }
    if (result.kind === 'moved') {
      res
        .status(301)
        .setHeader('Cache-Control', 'public, max-age=300')
        .setHeader('Location', `${this.config.media.publicUrl}/${result.path}`);
      res.end();
      return;
    }
    if (result.negotiated) res.setHeader('Vary', 'Accept');
    await send(res, result.body, result.size, result.contentType, result.imageId);
  }

  private async serveMaster(key: string, res: Response): Promise<void> {
    const format = formatOfExtension(key.slice(key.lastIndexOf('.') + 1));
    if (!format || !this.config.media.publicOriginals) throw fileNotFound();
    const image = await this.images.findServableByStorageKey(key);
    const file = image && (await this.storage.get(key));
    if (!image || !file) throw fileNotFound();
    await send(res, file.body, file.size, format.contentType, image.id);
  }
}

async function send(res: Response, body: Readable | Buffer, size: number, contentType: string, imageId: string): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', String(size));
  res.setHeader('Cache-Control', IMMUTABLE);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Surrogate-Key', CacheKeys.entity('image', imageId));
  if (Buffer.isBuffer(body)) {
    res.end(body);
    return;
  }
  try {
    await pipeline(body, res);
  } catch (error) {
    // Once bytes are out (e.g. the client went away mid-file) there is nothing left to answer.
    if (!res.headersSent) throw error;
  }
}
