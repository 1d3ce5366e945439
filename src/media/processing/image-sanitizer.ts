import type { Metadata, Sharp } from 'sharp';
import { unsupportedImage, tooManyPixels } from '../media.exception.js';
import { readEmbeddedTexts, type EmbeddedTexts } from './embedded-texts.js';
import { loadSharp } from './load-sharp.js';

export interface MasterFormat {
  readonly contentType: string;
  readonly extension: string;
}

const FORMATS: Readonly<Record<string, MasterFormat>> = {
  jpeg: { contentType: 'image/jpeg', extension: 'jpg' },
  png: { contentType: 'image/png', extension: 'png' },
  webp: { contentType: 'image/webp', extension: 'webp' },
  avif: { contentType: 'image/avif', extension: 'avif' },
  gif: { contentType: 'image/gif', extension: 'gif' },
};

export const ACCEPTED_FORMATS = 'JPEG, PNG, WebP, AVIF or GIF';

export interface SanitizedImage {
  readonly format: MasterFormat;
  /** As displayed: orientation is applied to the pixels. */
  readonly width: number;
  readonly height: number;
  readonly byteSize: number;
  /** Caption and credit found in the upload's IPTC or XMP, to prefill empty fields. */
  readonly embedded: EmbeddedTexts;
}

/**
 * Turns an uploaded file into the master Newsdesk keeps: orientation applied to the pixels, colours
 * converted to sRGB, and every byte of metadata (EXIF with GPS and maker notes, XMP, IPTC, ICC, comments)
 * dropped, since sharp writes none unless asked. The upload itself is never stored: a reporter's raw
 * phone photo holds where and when it was taken, and nothing Newsdesk shows needs it.
 * Decoding every pixel is also the validity check: a damaged or truncated file fails here.
 */
export async function sanitizeImage(inputPath: string, outputPath: string, maxPixels: number): Promise<SanitizedImage> {
  const metadata = await readMetadata(inputPath);
  const format = formatOf(metadata);
  const frameHeight = metadata.pageHeight ?? metadata.height ?? 0;
  const width = metadata.width ?? 0;
  if (!(width >= 1 && frameHeight >= 1)) throw unsupportedImage('has no width or height');
  // Checked on the header, before a single pixel is decoded: a decompression bomb costs nothing.
  const pixels = width * frameHeight * (metadata.pages ?? 1);
  if (pixels > maxPixels) throw tooManyPixels(width, frameHeight * (metadata.pages ?? 1), maxPixels);
  const animated = format.extension === 'gif' || format.extension === 'webp';
  const sharp = await loadSharp();
  const pipeline = sharp(inputPath, { failOn: 'truncated', limitInputPixels: maxPixels, animated }).autoOrient();
  try {
    const info = await encode(pipeline, format).toFile(outputPath);
    const pageHeight = info.pageHeight ?? info.height;
    return { format, width: info.width, height: pageHeight, byteSize: info.size, embedded: readEmbeddedTexts(metadata) };
  } catch (error) {
    throw unsupportedImage(`is an incomplete or damaged ${format.extension.toUpperCase()} file (${firstLine(error)})`);
  }
}

async function readMetadata(path: string): Promise<Metadata> {
  const sharp = await loadSharp();
  try {
    return await sharp(path, { limitInputPixels: false }).metadata();
  } catch {
    throw unsupportedImage(`is not a ${ACCEPTED_FORMATS} image`);
  }
}

// SVG can carry script, TIFF and HEIC do not display everywhere, PDFs are documents: refused, whatever
// the file is called or claims to be. AVIF is HEIF with AV1 compression.
function formatOf(metadata: Metadata): MasterFormat {
  const name = metadata.format === 'heif' && metadata.compression === 'av1' ? 'avif' : metadata.format;
  const format = name && name !== 'heif' ? FORMATS[name] : undefined;
  if (!format) throw unsupportedImage(`is not a ${ACCEPTED_FORMATS} image`);
  return format;
}

// High quality: the master is what every rendition is made from.
function encode(pipeline: Sharp, format: MasterFormat): Sharp {
  switch (format.extension) {
    case 'jpg':
      // Plain libjpeg-turbo: mozjpeg's trellis search costs seconds on a 24 MP master for a few percent.
      return pipeline.jpeg({ quality: 92 });
    case 'png':
      return pipeline.png();
    case 'webp':
      return pipeline.webp({ quality: 92 });
    case 'avif':
      return pipeline.avif({ quality: 75, effort: 3 });
    default:
      return pipeline.gif();
  }
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}

export function formatOfExtension(extension: string): MasterFormat | undefined {
  return Object.values(FORMATS).find((format) => format.extension === extension);
}
