import { Injectable } from '@nestjs/common';
import type { RenderableImage } from './article-body.renderer.js';
import { referencedImageIds } from './article-body.images.js';
import type { ArticleBody } from './article-body.schema.js';
import type { Tx } from '../../database/tx.js';
import type { Image } from '../../generated/prisma/client.js';
import { ImageRepository } from '../../media/image.repository.js';
import { MediaUrls, urlImageOf, type UrlImage } from '../../media/renditions/media-urls.js';

interface ImageTexts {
  readonly altText: string | null;
  readonly caption: string | null;
  readonly credit: string | null;
}

// The images body figures show, as renderBodyHtml takes them: read when an article is written (in its
// transaction) and when an image it shows changes, since body HTML is derived then, never on a read.
@Injectable()
export class BodyImagesService {
  constructor(
    private readonly images: ImageRepository,
    private readonly urls: MediaUrls,
  ) {}

  /** One query for the images of any number of bodies; trashed or missing images are left out. */
  async forBodies(bodies: readonly ArticleBody[], db?: Tx): Promise<Map<string, RenderableImage>> {
    const ids = [...new Set(bodies.flatMap(referencedImageIds))];
    const rows = await this.images.findVisibleRows(ids, db);
    return new Map(rows.map((row) => [row.id, this.fromRow(row)]));
  }

  fromRow(row: Image): RenderableImage {
    return this.renderable(urlImageOf(row), row);
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
