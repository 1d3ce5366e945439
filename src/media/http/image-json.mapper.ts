import { toGlobalId } from '../../common/global-id.js';
import type { Image } from '../../generated/prisma/client.js';

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

// The REST shape of an image: the fields of AdminImage, with the same opaque id.
export function toImageJson(image: Image): ImageJson {
  return {
    id: toGlobalId('Image', image.id),
    url: image.url,
    width: image.width,
    height: image.height,
    contentType: image.contentType,
    byteSize: image.byteSize,
    caption: image.caption,
    credit: image.credit,
    altText: image.altText,
  };
}
