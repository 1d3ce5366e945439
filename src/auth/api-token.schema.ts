import { z } from 'zod';
import { UserRole } from '../generated/prisma/client.js';

export const createApiTokenSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters')
    .describe('What the token is for, e.g. "Print export"'),
  role: z.enum(UserRole).describe('The rights of whoever holds the token'),
  expiresAt: z
    .date()
    .nullish()
    .refine((date) => !date || date.getTime() > Date.now(), 'must be in the future')
    .describe('When the token stops working; none means never'),
});

export type CreateApiTokenData = z.output<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ id: z.uuid('must be an API token id').describe('The token to revoke') });
