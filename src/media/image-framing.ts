import { DomainError } from '../common/domain-error.js';
import type { Image, Prisma } from '../generated/prisma/client.js';
import { aspectOf, sameAspect, type CropRect } from './renditions/focal-crop.js';

export interface FramingInput {
  focalPoint?: { x: number; y: number } | null;
  crops?: { aspect: string; x: number; y: number; width: number; height: number }[] | null;
}

/**
 * The columns a focal point or crops edit changes, and their audit details. A crop must have its
 * aspect in pixels of this image (a 16:9 crop of a 3:2 photo is not 16:9 in fractions).
 */
export function framingChanges(image: Image, input: FramingInput): { data: Prisma.ImageUncheckedUpdateInput; details: object } {
  const data: Prisma.ImageUncheckedUpdateInput = {};
  const details: Record<string, unknown> = {};
  if (input.focalPoint !== undefined) {
    const next = input.focalPoint ?? null;
    const current = image.focalX === null || image.focalY === null ? null : { x: image.focalX, y: image.focalY };
    if (JSON.stringify(next) !== JSON.stringify(current)) {
      Object.assign(data, { focalX: next?.x ?? null, focalY: next?.y ?? null });
      details.focalPoint = { from: current, to: next };
    }
  }
  if (input.crops !== undefined) {
    const next = cropsOf(image, input.crops ?? []);
    if (JSON.stringify(next) !== JSON.stringify(image.crops ?? {})) {
      data.crops = next as unknown as Prisma.InputJsonValue;
      details.crops = { from: image.crops, to: next };
    }
  }
  return { data, details };
}

function cropsOf(image: Image, crops: NonNullable<FramingInput['crops']>): Record<string, CropRect> {
  if (crops.length && (!image.width || !image.height)) {
    throw DomainError.badInput([{ path: 'input.crops', message: 'needs an image of known size (an uploaded one)' }]);
  }
  const issues = crops.flatMap((crop, index) => {
    const pixelAspect = (crop.width * image.width!) / (crop.height * image.height!);
    return sameAspect(pixelAspect, aspectOf(crop.aspect))
      ? []
      : [{ path: `input.crops.${index}`, message: `is ${pixelAspect.toFixed(3)}:1 on this image, not ${crop.aspect}` }];
  });
  if (issues.length) throw DomainError.badInput(issues);
  const sorted = [...crops].sort((a, b) => a.aspect.localeCompare(b.aspect));
  return Object.fromEntries(sorted.map(({ aspect, x, y, width, height }) => [aspect, { x, y, width, height }]));
}
