import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import pLimit from 'p-limit';
import { Counter } from 'prom-client';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { Image } from '../../generated/prisma/client.js';
import { MetricsRegistry } from '../../metrics/metrics.registry.js';
import { ImageRepository } from '../image.repository.js';
import { renderRendition } from './rendition-renderer.js';
import { urlImageOf } from './media-urls.js';
import { MEDIA_STORAGE, type MediaStorage } from '../storage/media-storage.js';
import {
  FORMAT_CONTENT_TYPES,
  isAllowedSize,
  negotiateFormat,
  renditionKey,
  renditionPath,
  renditionVersion,
  type ParsedRenditionPath,
  type RenditionFormat,
} from './rendition-spec.js';

export type RenditionResult =
  | { kind: 'file'; body: Readable | Buffer; size: number; contentType: string; negotiated: boolean; imageId: string }
  | { kind: 'moved'; path: string }
  | { kind: 'busy' }
  | { kind: 'none' };

// Renditions are rendered on the first request, stored through the media storage, and served from
// there afterwards. Work is bounded: at most MEDIA_RENDER_CONCURRENCY resizes at once, a queue of
// MEDIA_RENDER_QUEUE beyond which requests are turned away (503), a timeout per resize, and concurrent
// first requests for one rendition share one render (single flight). Across instances two may render
// the same rendition at the same moment; both write identical bytes to the same key (an atomic rename
// or S3 PUT), so the cost is a duplicate render, never a broken file.
@Injectable()
export class RenditionService {
  private readonly inflight = new Map<string, Promise<Buffer>>();
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly rendered: Counter<'format'>;

  constructor(
    private readonly images: ImageRepository,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    metrics: MetricsRegistry,
  ) {
    this.limit = pLimit(config.media.renditions.concurrency);
    this.rendered = new Counter({
      name: 'newsdesk_media_renditions_rendered_total',
      help: 'Renditions resized (not served from storage), by format',
      labelNames: ['format'],
      registers: [metrics.registry],
    });
  }

  async serve(requested: ParsedRenditionPath, accept: string | undefined): Promise<RenditionResult> {
    if (!isAllowedSize(this.config.media.renditions, requested.width, requested.height)) return { kind: 'none' };
    const image = await this.images.findServableById(requested.imageId);
    if (!image?.storageKey || !image.width || !image.height) return { kind: 'none' };
    const version = renditionVersion(urlImageOf(image), requested.fit);
    // An old version (the focal point or a crop changed since): its URL moves to the current one.
    if (version !== requested.version) return { kind: 'moved', path: renditionPath(image.id, requested, version) };
    const negotiated = requested.format === 'auto';
    const format = negotiated ? negotiateFormat(accept, hasAlpha(image)) : requested.format;
    const key = renditionKey(image.id, { ...requested, format }, version);
    const base = { contentType: FORMAT_CONTENT_TYPES[format], negotiated, imageId: image.id };
    const stored = await this.storage.get(key);
    if (stored) return { kind: 'file', body: stored.body, size: stored.size, ...base };
    const rendered = await this.renderOnce(key, () => this.render(image, requested, format, key));
    return rendered ? { kind: 'file', body: rendered, size: rendered.length, ...base } : { kind: 'busy' };
  }

  private renderOnce(key: string, render: () => Promise<Buffer>): Promise<Buffer | null> {
    const running = this.inflight.get(key);
    if (running) return running;
    const { concurrency, queueLimit } = this.config.media.renditions;
    if (this.limit.activeCount >= concurrency && this.limit.pendingCount >= queueLimit) return Promise.resolve(null);
    const promise = this.limit(render).finally(() => this.inflight.delete(key));
    this.inflight.set(key, promise);
    return promise;
  }

  private async render(image: Image, requested: ParsedRenditionPath, format: RenditionFormat, key: string): Promise<Buffer> {
    const master = await this.storage.get(image.storageKey!);
    if (!master) throw new Error(`The master of image ${image.id} is missing from the storage (${image.storageKey})`);
    const timeoutSeconds = Math.max(1, Math.ceil(this.config.media.renditions.timeoutMs / 1000));
    const input = { master: master.body, width: image.width!, height: image.height!, framing: urlImageOf(image) };
    const output = await renderRendition(input, { ...requested, format }, timeoutSeconds);
    await this.storage.put(key, output, FORMAT_CONTENT_TYPES[format]);
    this.rendered.inc({ format });
    return output;
  }
}

// JPEG cannot carry transparency, so formats that can hold it fall back to PNG rather than JPEG.
function hasAlpha(image: Image): boolean {
  return image.contentType !== 'image/jpeg';
}
