import { z } from 'zod';
import { imageMetadataFields } from '../image-metadata.schema.js';

const id = z.string().max(200).describe('Opaque Image id');

export const updateImageSchema = z.object({ id, ...imageMetadataFields });

export const imageIdSchema = z.object({ id });

export const adminImagesFilterSchema = z.object({
  trashed: z.boolean().nullish().describe('true: the trash only; false or omitted: live images only'),
});
