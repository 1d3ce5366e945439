import { z } from 'zod';
import { descriptionSchema, taxonomyInputSchemas } from '../taxonomy/taxonomy.schema.js';

const positionSchema = z.number().int().min(0).max(100_000).describe('Display order, lowest first');

export const sectionInputSchemas = taxonomyInputSchemas(
  'Section',
  { description: descriptionSchema, position: positionSchema.nullish().transform((position) => position ?? 0) },
  { description: descriptionSchema, position: positionSchema.optional() },
);
