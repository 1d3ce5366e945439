import { toGlobalId } from '../../common/global-id.js';
import type { Image } from '../../generated/prisma/client.js';
import { urlImageOf, type MediaUrls } from '../renditions/media-urls.js';

export interface ImageJson {
  id: string;
  url: string;
  width: number | null;
  height: number | null;
  contentType: string | null;
  byteSize: number | null;
  caption: string | null;
  credit: string | null;
  altText: string | null;
}

// The REST shape of an image: the fields of AdminImage, with the same opaque id and url.
export function toImageJson(image: Image, urls: MediaUrls): ImageJson {
  return {
    id: toGlobalId('Image', image.id),
    url: urls.original(urlImageOf(image)),
    width: image.width,
    height: image.height,
    contentType: image.contentType,
    byteSize: image.byteSize,
    caption: image.caption,
    credit: image.credit,
    altText: image.altText,
  };
}
