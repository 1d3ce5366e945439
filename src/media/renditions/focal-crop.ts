// Where a cover rendition cuts the picture: pure geometry, in source pixels.

export interface CropRect {
  /** Fractions of the image's width and height, 0..1. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface ImageFraming {
  readonly focalX: number | null;
  readonly focalY: number | null;
  /** Named crops by aspect, e.g. { "16:9": { x, y, width, height } }. */
  readonly crops: Readonly<Record<string, CropRect>> | null;
}

export interface PixelRegion {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export const NAMED_CROP_ASPECTS = ['16:9', '1:1', '4:5'] as const;
export type NamedCropAspect = (typeof NAMED_CROP_ASPECTS)[number];

// Aspects match when they differ by less than 1% (rounding of pixel sizes).
const ASPECT_TOLERANCE = 0.01;

export function aspectOf(aspect: string): number {
  const [w, h] = aspect.split(':').map(Number);
  return w! / h!;
}

export function sameAspect(a: number, b: number): boolean {
  return Math.abs(a / b - 1) < ASPECT_TOLERANCE;
}

/** The named crop whose aspect matches the requested one, if the editor set one. */
export function matchingCrop(framing: ImageFraming, aspect: number): CropRect | undefined {
  const entry = Object.entries(framing.crops ?? {}).find(([name]) => sameAspect(aspectOf(name), aspect));
  return entry?.[1];
}

/**
 * The largest region of the requested aspect that fits the image, centred on the focal point as far
 * as the edges allow (the centre when none is set); or the named crop of that aspect.
 */
export function coverRegion(imageWidth: number, imageHeight: number, aspect: number, framing: ImageFraming): PixelRegion {
  const named = matchingCrop(framing, aspect);
  if (named) return clampRegion(imageWidth, imageHeight, toPixels(imageWidth, imageHeight, named));
  const wide = imageWidth / imageHeight > aspect;
  const width = wide ? Math.round(imageHeight * aspect) : imageWidth;
  const height = wide ? imageHeight : Math.round(imageWidth / aspect);
  const centreX = (framing.focalX ?? 0.5) * imageWidth;
  const centreY = (framing.focalY ?? 0.5) * imageHeight;
  return clampRegion(imageWidth, imageHeight, {
    left: Math.round(centreX - width / 2),
    top: Math.round(centreY - height / 2),
    width,
    height,
  });
}

function toPixels(imageWidth: number, imageHeight: number, rect: CropRect): PixelRegion {
  return {
    left: Math.round(rect.x * imageWidth),
    top: Math.round(rect.y * imageHeight),
    width: Math.round(rect.width * imageWidth),
    height: Math.round(rect.height * imageHeight),
  };
}

function clampRegion(imageWidth: number, imageHeight: number, region: PixelRegion): PixelRegion {
  const width = Math.max(1, Math.min(region.width, imageWidth));
  const height = Math.max(1, Math.min(region.height, imageHeight));
  return {
    left: Math.min(Math.max(0, region.left), imageWidth - width),
    top: Math.min(Math.max(0, region.top), imageHeight - height),
    width,
    height,
  };
}

/** The size a rendition comes out at: never larger than the picture it is cut from (no upscaling). */
export function renditionSize(
  image: { width: number; height: number },
  request: { width: number; height: number; fit: 'inside' | 'cover' },
  framing: ImageFraming,
): { width: number; height: number } {
  if (request.height === 0 || request.fit === 'inside') {
    const boxHeight = request.height === 0 ? Number.POSITIVE_INFINITY : request.height;
    const scale = Math.min(1, request.width / image.width, boxHeight / image.height);
    return { width: Math.max(1, Math.round(image.width * scale)), height: Math.max(1, Math.round(image.height * scale)) };
  }
  const region = coverRegion(image.width, image.height, request.width / request.height, framing);
  const scale = Math.min(1, region.width / request.width, region.height / request.height);
  return { width: Math.max(1, Math.round(request.width * scale)), height: Math.max(1, Math.round(request.height * scale)) };
}
