import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// or postgresql:// URL');

// The single description of every environment variable Newsdesk reads; .env.example mirrors it (a test checks).
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development').describe('Runtime mode'),
  HOST: z.string().min(1).default('0.0.0.0').describe('Interface the HTTP server binds to'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port'),
  DATABASE_URL: postgresUrl.optional().describe('PostgreSQL URL; unset means embedded PostgreSQL (PGlite) under DATA_DIR'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10).describe('Connections per app instance'),
  MIGRATE_ON_START: booleanFlag.default(false).describe('Apply pending migrations at start (always on in embedded mode)'),
  DATA_DIR: z.string().min(1).default('./.data').describe('Directory for embedded data'),
  PUBLIC_SITE_URL: z.string().url().default('http://localhost:3000').describe('Public front-end origin for absolute URLs'),
  ARTICLE_URL_PATTERN: z
    .string()
    .regex(/\{slug\}/, 'must contain {slug}')
    .default('/{slug}')
    .describe('Path of an article on the public site; {slug} and {section} are replaced'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('Log level'),
  GRAPHQL_INTROSPECTION: booleanFlag.default(true).describe('Allow introspection of the public schema'),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(10).describe('Maximum query depth'),
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().min(10).default(2500).describe('Complexity budget per operation'),
  PUBLIC_CACHE_MAX_AGE: z.coerce.number().int().min(0).default(60).describe('Default max-age (s) of public responses'),
});

export type Env = z.infer<typeof envSchema>;
