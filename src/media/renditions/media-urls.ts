import type { AppConfig } from '../../config/app-config.js';
import { Prisma, type Image as ImageRow } from '../../generated/prisma/client.js';
import type { CropRect, ImageFraming } from './focal-crop.js';
import { renditionSize } from './focal-crop.js';
import { isAllowedSize, renditionPath, renditionVersion, type RenditionRequest, type RequestedFormat } from './rendition-spec.js';

/** What URLs of an image are made from: a row of the images table has all of it. */
export interface UrlImage extends ImageFraming {
  readonly id: string;
  readonly url: string;
  readonly width: number | null;
  readonly height: number | null;
  readonly storageKey: string | null;
}

export function urlImageOf(row: ImageRow): UrlImage {
  return {
    id: row.id,
    url: row.url,
    width: row.width,
    height: row.height,
    storageKey: row.storageKey,
    focalX: row.focalX,
    focalY: row.focalY,
    crops: (row.crops ?? {}) as unknown as Record<string, CropRect>,
  };
}

export interface SrcsetOptions {
  readonly widths?: readonly number[];
  /** [w, h], e.g. [16, 9]: cover crops of that aspect; unset: the image's own aspect. */
  readonly aspect?: readonly [number, number];
  readonly format?: RequestedFormat;
}

// Builds every public media URL from the configuration alone (no I/O), for GraphQL, bodyHtml and feeds.
export class MediaUrls {
  constructor(private readonly media: AppConfig['media']) {}

  get widths(): readonly number[] {
    return this.media.renditions.widths;
  }

  /** The width of <img src> fallbacks and feed images: the widest configured up to 1200 px. */
  get defaultWidth(): number {
    return this.widths.filter((width) => width <= 1200).at(-1) ?? this.widths[0]!;
  }

  /** Image.url without arguments: the master, or its largest rendition when masters are private. */
  original(image: UrlImage): string {
    if (!this.hasFile(image)) return image.url;
    if (this.media.publicOriginals) return `${this.media.publicUrl}/${image.storageKey}`;
    const widest = this.widths.filter((width) => width <= image.width).at(-1) ?? this.widths[0]!;
    return this.rendition(image, { width: widest, height: 0, fit: 'inside', format: 'auto' });
  }

  /**
   * original() written in SQL over a row of images under `alias`, when this configuration lets SQL write
   * it (public masters); null otherwise (the largest rendition's URL is JS's). The same rule as
   * original() and hasFile(); test/service/media/image-url-sql.service-spec.ts ties the two.
   */
  originalSql(alias: string): Prisma.Sql | null {
    if (!this.media.publicOriginals) return null;
    const i = Prisma.raw(alias);
    return Prisma.sql`CASE WHEN ${i}.storage_key IS NOT NULL AND ${i}.width IS NOT NULL AND ${i}.height IS NOT NULL
      THEN ${`${this.media.publicUrl}/`}::text || ${i}.storage_key ELSE ${i}.url END`;
  }

  /** An image linked from elsewhere has no renditions: its own URL stands for every size. */
  rendition(image: UrlImage, request: RenditionRequest): string {
    if (!this.hasFile(image)) return image.url;
    const path = renditionPath(image.id, request, renditionVersion(image, request.fit));
    return `${this.media.publicUrl}/${path}`;
  }

  isAllowed(request: { width: number; height: number }): boolean {
    return isAllowedSize(this.media.renditions, request.width, request.height);
  }

  /** The size a rendition comes out at, or null when the image's own size is unknown. */
  sizeOf(image: UrlImage, request: RenditionRequest): { width: number; height: number } | null {
    if (!this.hasFile(image)) return null;
    return renditionSize({ width: image.width, height: image.height }, request, image);
  }

  /** "url 320w, url 640w, ...": configured widths up to the image's own (never upscaled), one per size. */
  srcset(image: UrlImage, options: SrcsetOptions = {}): string | null {
    if (!this.hasFile(image)) return null;
    const entries = new Map<number, string>();
    for (const width of options.widths ?? this.widths) {
      const request = this.request(width, options);
      const size = renditionSize({ width: image.width, height: image.height }, request, image);
      if (!entries.has(size.width)) entries.set(size.width, `${this.rendition(image, request)} ${size.width}w`);
    }
    return [...entries.values()].join(', ');
  }

  request(width: number, options: Omit<SrcsetOptions, 'widths'> = {}): RenditionRequest {
    const [w, h] = options.aspect ?? [0, 0];
    const height = options.aspect ? Math.round((width * h) / w) : 0;
    return { width, height, fit: options.aspect ? 'cover' : 'inside', format: options.format ?? 'auto' };
  }

  private hasFile(image: UrlImage): image is UrlImage & { storageKey: string; width: number; height: number } {
    return image.storageKey !== null && image.width !== null && image.height !== null;
  }
}
