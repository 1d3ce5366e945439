import { z } from 'zod';
import { globalIdSchema } from '../common/global-id.js';
import { slugSchema } from '../common/slug.js';
import type { TaxonomyType } from './taxonomy-editor.service.js';

export const MAX_NAME_LENGTH = 120;
export const MAX_TEXT_LENGTH = 5000;

export const nameSchema = z.string().trim().min(1, 'must not be empty').max(MAX_NAME_LENGTH).describe('Display name');

/** Optional free text, trimmed; blank or null clears it. */
export function optionalTextSchema(max: number, description: string) {
  return z
    .string()
    .trim()
    .max(max)
    .transform((text) => text || null)
    .nullish()
    .describe(description);
}

export const descriptionSchema = optionalTextSchema(MAX_TEXT_LENGTH, 'Description shown on the listing page');

// Create and update inputs of one model: the shared name/slug rules plus the model's own fields.
// Create: a missing slug is generated from the name. Update: every field but the id is optional, and
// a missing one stays as it is.
export function taxonomyInputSchemas<C extends z.ZodRawShape, U extends z.ZodRawShape>(type: TaxonomyType, create: C, update: U) {
  return {
    create: z.object({ name: nameSchema, slug: slugSchema.nullish(), ...create }),
    update: z.object({ id: globalIdSchema(type), name: nameSchema.optional(), slug: slugSchema.optional(), ...update }),
  };
}

/** Trash, restore and purge name just the row. */
export function idInputSchema(type: TaxonomyType) {
  return z.object({ id: globalIdSchema(type) });
}

export const taxonomyFilterSchema = z.object({
  trashed: z
    .boolean()
    .nullish()
    .transform((trashed) => trashed ?? false),
  search: z
    .string()
    .trim()
    .max(MAX_NAME_LENGTH)
    .nullish()
    .transform((search) => search || undefined),
});

/** Tags and series: name, slug and description. */
export function describedInputSchemas(type: TaxonomyType) {
  return taxonomyInputSchemas(type, { description: descriptionSchema }, { description: descriptionSchema });
}
