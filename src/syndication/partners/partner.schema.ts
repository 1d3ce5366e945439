import { z } from 'zod';
import { globalIdSchema } from '../../common/global-id.js';

const name = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const sectionIds = z.array(globalIdSchema('Section')).max(100).describe('Sections the partner may pull; empty means all');
const tagIds = z.array(globalIdSchema('Tag')).max(100).describe('Tags the partner may pull; empty means all');
const fullText = z.boolean().describe('Whether feeds carry full bodies, or only teasers');
const rateLimitPerMinute = z.number().int().min(1).max(10_000).describe('Requests allowed per minute');

export const createPartnerSchema = z.object({
  name: name.describe('Who the partner is, e.g. "Regional Daily"'),
  sectionIds: sectionIds.nullish(),
  tagIds: tagIds.nullish(),
  fullText: fullText.nullish(),
  rateLimitPerMinute: rateLimitPerMinute.nullish(),
});

export const updatePartnerSchema = z.object({
  id: z.uuid('must be a partner id').describe('The partner to change'),
  name: name.nullish(),
  sectionIds: sectionIds.nullish(),
  tagIds: tagIds.nullish(),
  fullText: fullText.nullish(),
  rateLimitPerMinute: rateLimitPerMinute.nullish(),
  enabled: z.boolean().nullish().describe('A disabled partner is refused at once'),
});

export const partnerIdSchema = z.object({ id: z.uuid('must be a partner id').describe('The partner') });

export const usageDaysSchema = z.number().int().min(1).max(366);

export type CreatePartnerData = z.output<typeof createPartnerSchema>;
export type UpdatePartnerData = z.output<typeof updatePartnerSchema>;
