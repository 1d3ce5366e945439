import { z } from 'zod';
import { NAMED_CROP_ASPECTS } from '../renditions/focal-crop.js';
import { imageMetadataFields } from '../image-metadata.schema.js';

const id = z.string().max(200).describe('Opaque Image id');
const fraction = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
// Rounding in clients (e.g. 0.1 + 0.7) must not turn a full-width crop into an error.
const EPSILON = 1e-6;

const focalPoint = z
  .object({ x: fraction.describe('From the left edge'), y: fraction.describe('From the top edge') })
  .nullish()
  .describe('Where cover crops centre; null clears it');

const crop = z
  .object({
    aspect: z.enum(NAMED_CROP_ASPECTS, { error: `must be one of ${NAMED_CROP_ASPECTS.join(', ')}` }),
    x: fraction,
    y: fraction,
    width: fraction.refine((value) => value > 0, 'must be more than 0'),
    height: fraction.refine((value) => value > 0, 'must be more than 0'),
  })
  .superRefine((rect, ctx) => {
    if (rect.x + rect.width > 1 + EPSILON)
      ctx.addIssue({ code: 'custom', path: ['width'], message: 'reaches past the right edge' });
    if (rect.y + rect.height > 1 + EPSILON)
      ctx.addIssue({ code: 'custom', path: ['height'], message: 'reaches past the bottom edge' });
  });

const crops = z
  .array(crop)
  .max(NAMED_CROP_ASPECTS.length)
  .refine((list) => new Set(list.map((item) => item.aspect)).size === list.length, 'must not name an aspect twice')
  .nullish()
  .describe('Replaces every named crop; [] or null clears them');

export const updateImageSchema = z.object({ id, ...imageMetadataFields, focalPoint, crops });

export const imageIdSchema = z.object({ id });

export type UpdateImageData = z.output<typeof updateImageSchema>;
export type ImageIdData = z.output<typeof imageIdSchema>;

export const adminImagesFilterSchema = z
  .object({
    trashed: z.boolean().nullish().describe('true: the trash only; false or omitted: live images only'),
    search: z
      .string()
      .trim()
      .min(2, 'must be at least 2 characters')
      .max(200)
      .refine((value) => !value.includes('\u0000'), 'must not contain NUL characters')
      .nullish(),
    uploadedBy: z.uuid({ error: 'not a valid user id' }).nullish(),
    uploadedAfter: z.date().nullish(),
    uploadedBefore: z.date().nullish(),
  })
  .refine((f) => !f.uploadedAfter || !f.uploadedBefore || f.uploadedAfter < f.uploadedBefore, {
    path: ['uploadedBefore'],
    message: 'must be after uploadedAfter',
  });

export type AdminImagesFilter = z.output<typeof adminImagesFilterSchema>;
