import type { Readable } from 'node:stream';
import type { Sharp } from 'sharp';
import { loadSharp } from '../processing/load-sharp.js';
import { coverRegion, renditionSize, type ImageFraming } from './focal-crop.js';
import type { RenditionFormat, RenditionRequest } from './rendition-spec.js';

export interface RenderInput {
  readonly master: Readable;
  readonly width: number;
  readonly height: number;
  readonly framing: ImageFraming;
}

/** Resizes (and for cover, crops around the focal point or the named crop) the master to one rendition. */
export async function renderRendition(
  input: RenderInput,
  request: RenditionRequest & { format: RenditionFormat },
  timeoutSeconds: number,
): Promise<Buffer> {
  const size = renditionSize(input, request, input.framing);
  const sharp = await loadSharp();
  // The master was checked against MEDIA_MAX_PIXELS at upload; sharp's own limit stays as a backstop.
  let pipeline = sharp({ failOn: 'truncated' }).timeout({ seconds: timeoutSeconds });
  if (request.fit === 'cover' && request.height > 0) {
    const region = coverRegion(input.width, input.height, request.width / request.height, input.framing);
    pipeline = pipeline.extract(region).resize(size.width, size.height, { fit: 'fill' });
  } else {
    pipeline = pipeline.resize(size.width, size.height, { fit: 'fill' });
  }
  const output = encode(pipeline, request.format);
  input.master.pipe(output);
  return output.toBuffer();
}

// Tuned for the web, not for archiving: renditions are what readers download.
function encode(pipeline: Sharp, format: RenditionFormat): Sharp {
  switch (format) {
    case 'jpeg':
      return pipeline.jpeg({ quality: 80, mozjpeg: true });
    case 'webp':
      return pipeline.webp({ quality: 78, effort: 4 });
    case 'avif':
      return pipeline.avif({ quality: 55, effort: 2 });
    default:
      return pipeline.png({ compressionLevel: 8 });
  }
}
