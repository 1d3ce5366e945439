import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../users/password.js';

// Login takes any string as the email: rejecting malformed ones differently from unknown ones would
// only tell an attacker which case they hit.
export const loginSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'must not be empty')
    .max(254, 'must be at most 254 characters')
    .describe('Login email'),
  password: z
    .string()
    .min(1, 'must not be empty')
    .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`)
    .describe('The password'),
  session: z.enum(['BODY', 'COOKIE']).nullish().describe('Where the refresh token goes: the body (default) or a cookie'),
});

export type LoginData = z.output<typeof loginSchema>;

const refreshToken = z.string().min(1, 'must not be empty').max(200, 'is not a refresh token');

export const refreshSessionSchema = z
  .object({
    refreshToken: refreshToken.nullish().describe('The refresh token of the last login or refresh; absent: the session cookie'),
  })
  .nullish();

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, 'must not be empty').max(MAX_PASSWORD_LENGTH).describe('The password in use now'),
  newPassword: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`)
    .describe('The new password'),
});

export type ChangePasswordData = z.output<typeof changePasswordSchema>;

export const logoutSchema = z
  .object({
    refreshToken: refreshToken.nullish().describe("The session to end; default: the access token's session"),
  })
  .nullish();
