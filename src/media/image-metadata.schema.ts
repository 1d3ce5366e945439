import { z } from 'zod';

// The texts editors write about an image, shared by the upload form and updateImage. Blank means none.
const text = (max: number, description: string) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((value) => (value === '' ? null : value))
    .nullish()
    .describe(description);

export const imageMetadataFields = {
  caption: text(2000, 'What the picture shows, as printed under it'),
  credit: text(300, 'Photographer and agency, e.g. "REUTERS/Mahamadou Hamidou"'),
  altText: text(1000, 'Text alternative for screen readers'),
};

/** The multipart fields of POST /admin/media besides the file; unknown fields are refused, not ignored. */
export const uploadFieldsSchema = z.strictObject(imageMetadataFields);

export type ImageMetadata = { caption?: string | null; credit?: string | null; altText?: string | null };
