import { imageSize } from 'image-size';
import { isCompleteAvif, isCompleteGif, isCompleteJpeg, isCompletePng, isCompleteWebp } from './image-structure.js';
import { unsupportedImage } from './media.exception.js';

export interface ImageFormat {
  readonly contentType: string;
  readonly extension: string;
  readonly isComplete: (data: Buffer) => boolean;
}

// The formats every current browser renders. Anything else (SVG can carry script, TIFF and HEIC do not
// display everywhere, PDFs are documents) is refused, whatever the file is called or claims to be.
const FORMATS: Readonly<Record<string, ImageFormat>> = {
  jpg: { contentType: 'image/jpeg', extension: 'jpg', isComplete: isCompleteJpeg },
  png: { contentType: 'image/png', extension: 'png', isComplete: isCompletePng },
  webp: { contentType: 'image/webp', extension: 'webp', isComplete: isCompleteWebp },
  avif: { contentType: 'image/avif', extension: 'avif', isComplete: isCompleteAvif },
  gif: { contentType: 'image/gif', extension: 'gif', isComplete: isCompleteGif },
};

export const ACCEPTED_FORMATS = 'JPEG, PNG, WebP, AVIF or GIF';

export interface InspectedImage {
  readonly format: ImageFormat;
  /** As displayed: EXIF orientations that turn the picture by 90° swap them. */
  readonly width: number;
  readonly height: number;
}

/** What an uploaded file is, judged by its bytes alone; refuses anything but a complete accepted image. */
export function inspectImage(data: Buffer): InspectedImage {
  const size = readSize(data);
  const format = size ? formatOf(size.type, data) : undefined;
  if (!size || !format) throw unsupportedImage(`is not a ${ACCEPTED_FORMATS} image`);
  if (!format.isComplete(data)) throw unsupportedImage(`is an incomplete or damaged ${format.extension.toUpperCase()} file`);
  if (!(size.width >= 1 && size.height >= 1)) throw unsupportedImage('has no width or height');
  const turned = size.orientation !== undefined && size.orientation >= 5;
  return { format, width: turned ? size.height : size.width, height: turned ? size.width : size.height };
}

function readSize(data: Buffer) {
  try {
    return imageSize(data);
  } catch {
    // image-size throws on anything it does not recognise or cannot parse.
    return undefined;
  }
}

// image-size reports an AVIF or HEIC file by its major brand (avif, mif1, heic...); which of them is
// AVIF is settled by the brands the AVIF check reads.
function formatOf(type: string | undefined, data: Buffer): ImageFormat | undefined {
  if (type === 'jpg' || type === 'png' || type === 'webp' || type === 'gif' || type === 'avif') return FORMATS[type];
  if (type === 'mif1' || type === 'msf1' || type === 'heif') return isCompleteAvif(data) ? FORMATS.avif : undefined;
  return undefined;
}

/** The format of a stored file, from the extension of its key (media-storage.ts makes them). */
export function formatOfExtension(extension: string): ImageFormat | undefined {
  return Object.hasOwn(FORMATS, extension) ? FORMATS[extension] : undefined;
}
