import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from './password.js';

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
});

export type LoginData = z.output<typeof loginSchema>;

const refreshToken = z.string().min(1, 'must not be empty').max(200, 'is not a refresh token');

export const refreshSessionSchema = z.object({
  refreshToken: refreshToken.describe('The refresh token of the last login or refresh; it works once'),
});

export const logoutSchema = z
  .object({
    refreshToken: refreshToken.nullish().describe("The session to end; default: the access token's session"),
  })
  .nullish();
