import { Injectable } from '@nestjs/common';
import type { RenderableImage } from '../articles/body/article-body.renderer.js';
import { referencedImageIds } from '../articles/body/article-body.images.js';
import type { ArticleBody } from '../articles/body/article-body.schema.js';
import type { ResponseKeys } from '../cache/response-keys.js';
import type { Image } from '../generated/prisma/client.js';
import { ImageRepository } from './image.repository.js';
import { urlImageOf, type ImageModel } from './public/image.model.js';
import { MediaUrls, type UrlImage } from './renditions/media-urls.js';

interface ImageTexts {
  readonly altText: string | null;
  readonly caption: string | null;
  readonly credit: string | null;
}

// The images body figures show, as renderBodyHtml takes them. Read-time callers (GraphQL, feeds,
// syndication) use it today; rendering at write time needs exactly the same call.
@Injectable()
export class BodyImagesService {
  constructor(
    private readonly images: ImageRepository,
    private readonly urls: MediaUrls,
  ) {}

  /** One query for the images of any number of bodies; trashed or missing images are left out. */
  async forBodies(bodies: readonly ArticleBody[], keys: ResponseKeys): Promise<Map<string, RenderableImage>> {
    const ids = [...new Set(bodies.flatMap(referencedImageIds))];
    const rows = await this.images.findVisibleByIds(ids, keys);
    return new Map(rows.map((row) => [row.id, this.fromRow(row)]));
  }

  fromRow(row: Image): RenderableImage {
    return this.renderable(urlImageOf(row), row);
  }

  fromModel(model: ImageModel): RenderableImage {
    return this.renderable(model.source, model);
  }

  // src is a mid-size rendition (AVIF/WebP/JPEG by Accept), srcset every configured width.
  private renderable(image: UrlImage, texts: ImageTexts): RenderableImage {
    const request = this.urls.request(this.urls.defaultWidth);
    const size = this.urls.sizeOf(image, request);
    return {
      src: this.urls.rendition(image, request),
      srcset: this.urls.srcset(image),
      width: size?.width ?? image.width,
      height: size?.height ?? image.height,
      alt: texts.altText,
      caption: texts.caption,
      credit: texts.credit,
    };
  }
}
