import type { PublicImage } from '../articles/public-article.js';
import type { FeedImage } from './feed-item.js';
import { IMAGE_SOURCE, type ProjectedImage } from '../media/image.projection.js';
import type { MediaUrls } from '../media/renditions/media-urls.js';

// Feed readers get one fixed-size JPEG (every reader decodes it; none sends a useful Accept), never
// the original upload. Images linked from elsewhere keep their own URL and size. `image` must be read
// with its url selected (which brings the source renditions are built from).
export function toFeedImage(image: PublicImage, urls: MediaUrls): FeedImage {
  const source = (image as ProjectedImage)[IMAGE_SOURCE];
  const request = urls.request(urls.defaultWidth, { format: 'jpeg' });
  const size = source ? urls.sizeOf(source, request) : null;
  return {
    url: source ? urls.rendition(source, request) : image.url,
    width: size?.width ?? image.width,
    height: size?.height ?? image.height,
    contentType: size ? 'image/jpeg' : (image.contentType ?? null),
    caption: image.caption,
    credit: image.credit,
  };
}
