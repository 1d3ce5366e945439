import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password.js';
import { globalIdSchema } from '../common/global-id.js';
import { UserRole } from '../generated/prisma/client.js';

export const userRoleSchema = z
  .enum(UserRole, { error: 'must be CONTRIBUTOR, AUTHOR, EDITOR or ADMIN' })
  .describe('The rights of the user');

// Lower-cased before validation, so lookups and the unique index see one spelling per address. The
// browsers' rule (HTML5 input type=email), so intranet addresses like editor@newsroom pass too.
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ pattern: z.regexes.html5Email, error: 'must be an email address' }).max(254, 'must be at most 254 characters'))
  .describe('Login email, stored lower-cased');

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`)
  .describe('Stored only as an argon2id hash');

export const userNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .describe('Display name');

export const createUserSchema = z.object({
  email: emailSchema,
  name: userNameSchema,
  role: userRoleSchema,
  password: passwordSchema,
  authorId: globalIdSchema('Author').nullish().describe('Global id of the byline this user writes under'),
});

export type CreateUserData = z.output<typeof createUserSchema>;

export const resetPasswordSchema = z.object({ email: emailSchema, password: passwordSchema });

export type ResetPasswordData = z.output<typeof resetPasswordSchema>;

// GraphQL sends null for omitted optional fields in some clients: null means "unchanged", except for
// authorId, where null unlinks the byline.
export const updateUserSchema = z.object({
  id: z.uuid('must be a user id').describe('The user to change'),
  name: userNameSchema.nullish(),
  role: userRoleSchema.nullish(),
  disabled: z.boolean().nullish().describe('Disabled users cannot log in; their sessions end at once'),
  password: passwordSchema.nullish().describe('A new password; ends every session of the user'),
  authorId: globalIdSchema('Author').nullish().describe('Global id of the byline; null unlinks it'),
});

export type UpdateUserData = z.output<typeof updateUserSchema>;
