import type { FeedImage } from '../feeds/feed-item.js';
import type { Image } from '../generated/prisma/client.js';
import { urlImageOf } from './public/image.model.js';
import type { MediaUrls } from './renditions/media-urls.js';

// Feed readers get one fixed-size JPEG (every reader decodes it; none sends a useful Accept), never
// the original upload. Images linked from elsewhere keep their own URL and size.
export function toFeedImage(image: Image, urls: MediaUrls): FeedImage {
  const source = urlImageOf(image);
  const request = urls.request(urls.defaultWidth, { format: 'jpeg' });
  const size = urls.sizeOf(source, request);
  return {
    url: urls.rendition(source, request),
    width: size?.width ?? image.width,
    height: size?.height ?? image.height,
    contentType: size ? 'image/jpeg' : image.contentType,
    caption: image.caption,
    credit: image.credit,
  };
}
