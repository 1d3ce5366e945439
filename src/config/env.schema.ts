import { isIP } from 'node:net';
import { z } from 'zod';
import { languageTag } from './language-tag.js';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

// An address or CIDR (a.b.c.d/nn, ::1/128), or one of Express's names for address ranges.
function isProxyEntry(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address = '', bits, extra] = entry.split('/');
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

const trustProxy = z
  .string()
  .trim()
  .transform((value, ctx): number | string[] => {
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(',').map((entry) => entry.trim());
    const bad = entries.filter((entry) => !isProxyEntry(entry));
    if (bad.length) ctx.addIssue({ code: 'custom', message: `not a hop count, address or CIDR: ${bad.join(', ')}` });
    return entries;
  });

const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// or postgresql:// URL');

// A bare web origin as browsers send it in the Origin header: scheme, host, optional port, no path.
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value.toLowerCase();
  } catch {
    return false;
  }
}

// "https://a.example, https://b.example/" -> ['https://a.example', 'https://b.example'].
const originList = (allowAny: boolean) =>
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim().replace(/\/+$/, ''))
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .refine(
            (value) => isOrigin(value) || (allowAny && value === '*'),
            allowAny
              ? 'must be * or origins such as https://www.example.com (no path)'
              : 'must be origins such as https://www.example.com (no path, no *)',
          )
          .transform((value) => (value === '*' ? value : new URL(value).origin)),
      ),
    );
// Video, social, chart and audio players publishers embed most (YouTube in both its forms, Vimeo,
// X, Instagram, Datawrapper, Flourish, SoundCloud, Spotify).
export const DEFAULT_EMBED_HOSTS: readonly string[] = [
  'www.youtube.com',
  'www.youtube-nocookie.com',
  'player.vimeo.com',
  'platform.twitter.com',
  'www.instagram.com',
  'datawrapper.dwcdn.net',
  'flo.uri.sh',
  'public.flourish.studio',
  'w.soundcloud.com',
  'open.spotify.com',
];

// The single description of every environment variable Newsdesk reads; .env.example mirrors it (a test checks).
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development').describe('Runtime mode'),
  HOST: z.string().min(1).default('0.0.0.0').describe('Interface the HTTP server binds to'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port'),
  WEB_CONCURRENCY: z
    .union([z.literal('auto'), z.coerce.number().int().min(1).max(64)])
    .default(1)
    .describe(
      'HTTP worker processes sharing PORT (node:cluster); auto: one per CPU core. Above 1 needs DATABASE_URL and APP_SECRET',
    ),
  DATABASE_URL: postgresUrl.optional().describe('PostgreSQL URL; unset means embedded PostgreSQL (PGlite) under DATA_DIR'),
  DATABASE_READ_URLS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(postgresUrl))
    .optional()
    .describe('PostgreSQL streaming replicas for public reads (comma list); unset means every read goes to DATABASE_URL'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10).describe('Connections per app instance'),
  DATABASE_PREPARED_STATEMENTS: booleanFlag
    .default(true)
    .describe(
      'Run fixed-shape public reads as named prepared statements (at most 64 per connection); false behind a pooler without prepared-statement support. Always off in embedded mode',
    ),
  DATABASE_RETRY_MAX_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(600_000)
    .default(30_000)
    .describe(
      'Longest pause between retries of an unreachable database by the job runner and the cache purge listener (they double up to it)',
    ),
  MIGRATE_ON_START: booleanFlag.default(false).describe('Apply pending migrations at start (always on in embedded mode)'),
  DATA_DIR: z.string().min(1).default('./.data').describe('Directory for embedded data'),
  PUBLIC_SITE_URL: z.string().url().default('http://localhost:3000').describe('Public front-end origin for absolute URLs'),
  PUBLICATION_NAME: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe("The publication's name in feeds and the Google News sitemap; default: PUBLIC_SITE_URL's host"),
  PUBLICATION_LANGUAGE: languageTag.default('en').describe("The publication's language, a BCP 47 tag (en, en-GB, de, pt-BR)"),
  ARTICLE_URL_PATTERN: z
    .string()
    .regex(/\{slug\}/, 'must contain {slug}')
    .default('/{slug}')
    .describe('Path of an article on the public site; {slug} and {section} are replaced'),
  PREVIEW_URL_PATTERN: z
    .string()
    .regex(/\{token\}/, 'must contain {token}')
    .optional()
    .describe(
      "The front-end's draft preview page, a path on PUBLIC_SITE_URL or a full URL; {token} and {slug} are replaced. Unset: no front-end preview (the Studio renders bodyHtml itself)",
    ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('Log level'),
  GRAPHQL_INTROSPECTION: booleanFlag.default(true).describe('Allow introspection of the public schema'),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(10).describe('Maximum query depth'),
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().min(10).default(2500).describe('Complexity budget per operation'),
  GRAPHQL_PASS_THROUGH: z
    .enum(['on', 'off', 'verify'])
    .default('on')
    .describe(
      'Public queries whose whole data PostgreSQL writes as JSON text go out as that text (on); off: every query runs through graphql-js; verify: both, and a 500 on any byte difference (for tests)',
    ),
  APP_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .optional()
    .describe(
      'Key that signs access and preview tokens; required in production (embedded mode keeps a generated one in DATA_DIR)',
    ),
  PUBLIC_API_URL: z
    .string()
    .url()
    .optional()
    .describe('Public origin of this API (uploaded media URLs); default http://localhost:PORT'),
  ADMIN_EMAIL: z
    .string()
    .email()
    .optional()
    .describe('With ADMIN_PASSWORD: the first admin, created at start when no user exists'),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional().describe('Password of the first admin'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900).describe('Lifetime of access tokens'),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30).describe('Lifetime of refresh tokens'),
  PREVIEW_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(2_592_000)
    .default(86_400)
    .describe('Default lifetime of preview tokens'),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(10).describe('Failed logins allowed per account or IP per window'),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900).describe('Window of the login rate limit'),
  MEDIA_DIR: z.string().min(1).optional().describe('Where uploaded images are stored on local disk; default DATA_DIR/media'),
  MEDIA_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(15 * 1024 * 1024)
    .describe('Largest accepted upload'),
  MEDIA_MAX_PIXELS: z.coerce
    .number()
    .int()
    .min(1)
    .default(50_000_000)
    .describe('Largest accepted image in pixels (width x height); larger uploads, decompression bombs included, are refused'),
  MEDIA_RENDITION_WIDTHS: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'must be a comma-separated list of widths, e.g. 320,640,1200')
    .default('160,320,480,640,960,1200,1600,2048')
    .describe('The only rendition widths the server renders (nobody can make it render arbitrary sizes)'),
  MEDIA_RENDITION_ASPECTS: z
    .string()
    .regex(/^\d+:\d+(,\d+:\d+)*$/, 'must be a comma-separated list of aspect ratios, e.g. 16:9,1:1')
    .default('16:9,3:2,1:1,4:5')
    .describe('Aspect ratios a rendition height may have besides "auto" (the image\'s own)'),
  MEDIA_RENDER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2).describe('Renditions resized at once'),
  MEDIA_RENDER_QUEUE: z.coerce
    .number()
    .int()
    .min(0)
    .default(100)
    .describe('Renditions waiting to be resized beyond which requests get 503 with Retry-After'),
  MEDIA_RENDER_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000).describe('Longest one resize may take'),
  MEDIA_PUBLIC_ORIGINALS: booleanFlag
    .default(true)
    .describe('Serve the stored master (metadata already stripped) at Image.url; false: only renditions are public'),
  MEDIA_STORAGE: z.enum(['local', 's3']).default('local').describe('Where media files live: local disk (MEDIA_DIR) or S3'),
  MEDIA_S3_BUCKET: z.string().min(3).optional().describe('S3 bucket (required with MEDIA_STORAGE=s3)'),
  MEDIA_S3_REGION: z.string().min(1).default('us-east-1').describe('S3 region'),
  MEDIA_S3_ENDPOINT: z.string().url().optional().describe('S3-compatible endpoint (MinIO, R2, ...); unset: AWS S3'),
  MEDIA_S3_FORCE_PATH_STYLE: booleanFlag.default(false).describe('Path-style bucket URLs (MinIO and most self-hosted S3)'),
  MEDIA_S3_ACCESS_KEY_ID: z.string().min(1).optional().describe('S3 access key; unset: the AWS SDK default chain'),
  MEDIA_S3_SECRET_ACCESS_KEY: z.string().min(1).optional().describe('S3 secret key, with MEDIA_S3_ACCESS_KEY_ID'),
  MEDIA_S3_PREFIX: z
    .string()
    .regex(/^([\w.-]+\/)*$/, 'must be empty or end with "/", e.g. newsdesk/')
    .default('')
    .describe('Key prefix inside the bucket, e.g. newsdesk/'),
  JOBS_ENABLED: booleanFlag.default(true).describe('Run background jobs (scheduled publishing...) in this process'),
  JOBS_POLL_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(50)
    .max(60_000)
    .default(1000)
    .describe('How often idle workers look for due jobs'),
  FEED_ITEM_LIMIT: z.coerce.number().int().min(1).max(500).default(50).describe('Items per RSS/Atom/JSON feed'),
  WEBHOOKS_ALLOW_PRIVATE_TARGETS: booleanFlag
    .default(false)
    .describe('Allow webhook endpoints on private, loopback or link-local addresses (and plain http there)'),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000).describe('Timeout of one webhook delivery'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional()
    .describe('Mail server for newsletter confirmations, e.g. smtp://user:pass@mail.example.com:587'),
  MAIL_FROM: z.string().min(3).default('Newsdesk <newsletter@localhost>').describe('Sender of newsletter mail'),
  NEWSLETTER_SIGNUPS_PER_HOUR: z.coerce
    .number()
    .int()
    .min(1)
    .default(5)
    .describe('Signup requests allowed per IP and per email per hour'),
  PUBLIC_CACHE_MAX_AGE: z.coerce.number().int().min(0).default(60).describe('Default max-age (s) of public responses'),
  RESPONSE_CACHE: z
    .enum(['memory', 'redis', 'off'])
    .optional()
    .describe('Public response cache: memory (default), redis (default when REDIS_URL is set) or off'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional()
    .describe('Redis for the shared response cache, e.g. redis://127.0.0.1:6379'),
  REDIS_KEY_PREFIX: z.string().default('newsdesk:').describe('Prefix of every Redis key (several sites on one Redis)'),
  RESPONSE_CACHE_MAX_MB: z.coerce.number().int().min(1).default(64).describe('Memory cache size per instance'),
  RESPONSE_CACHE_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(3600)
    .describe('Longest a cached response is kept (changes purge it at once anyway)'),
  CDN_PURGE_URL: z
    .string()
    .url()
    .optional()
    .describe('Called with POST {"surrogate_keys":[...]} after each content change (e.g. Fastly batch purge)'),
  CDN_PURGE_HEADER: z
    .string()
    .regex(/^[\w-]+:\s*\S.*$/, 'must look like "Name: value"')
    .optional()
    .describe('Header sent with CDN purges, e.g. "Fastly-Key: <token>"'),
  CDN_PURGE_REPLAY_WAIT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(60_000)
    .default(2000)
    .describe('How long one CDN purge waits for read replicas to replay the change before it is retried later'),
  EMBED_HOSTS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be host names, e.g. www.youtube.com,player.vimeo.com')))
    .default([...DEFAULT_EMBED_HOSTS])
    .describe('Hosts that iframes in embed code may load from, comma-separated'),
  TRUST_PROXY: trustProxy
    .optional()
    .describe(
      'Proxies in front of the app whose X-Forwarded-For is believed: a hop count (1 behind one load balancer) or addresses/CIDRs; unset trusts none',
    ),
  RETENTION_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(1440)
    .default(60)
    .describe('How often old rows are pruned (once across all instances)'),
  RETENTION_JOBS_DAYS: z.coerce.number().int().min(1).default(14).describe('Days completed and failed jobs are kept'),
  RETENTION_LOGIN_ATTEMPTS_DAYS: z.coerce.number().int().min(1).default(30).describe('Days login attempts are kept'),
  RETENTION_SESSIONS_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .default(7)
    .describe('Days an expired session (and its refresh token) is kept after it expired'),
  RETENTION_WEBHOOK_DELIVERIES_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .default(30)
    .describe('Days delivered or failed webhook deliveries are kept'),
  RETENTION_CHANGE_EVENTS_DAYS: z.coerce
    .number()
    .int()
    .min(7)
    .default(90)
    .describe('Days change-feed events are kept; a partner away longer must resync its mirror'),
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .string()
    .url()
    .optional()
    .describe('OpenTelemetry collector (OTLP/HTTP), e.g. http://localhost:4318: traces are sent when set'),
  OTEL_SERVICE_NAME: z.string().min(1).default('newsdesk').describe('service.name of the traces'),
  METRICS_ENABLED: booleanFlag.default(false).describe('Serve Prometheus metrics at /metrics (keep it off the public internet)'),
  CORS_ORIGINS: originList(true)
    .default(['*'])
    .describe('Origins whose pages may read the public API, feeds, sitemaps and media (comma list); * means any'),
  ADMIN_CORS_ORIGINS: originList(false)
    .default([])
    .describe(
      'Origins whose pages may call /admin/graphql and /admin REST routes, with credentials (comma list); none by default',
    ),
  GRAPHQL_IDE: booleanFlag
    .optional()
    .describe('Serve the GraphiQL IDE (assets from this server) at /graphql and /admin/graphql; default: on unless production'),
});

export type Env = z.infer<typeof envSchema>;

// Cross-variable rules, reported together with the per-variable ones.
export const envRules = envSchema.superRefine((env, ctx) => {
  if (env.NODE_ENV === 'production' && !env.APP_SECRET && env.DATABASE_URL) {
    ctx.addIssue({ code: 'custom', path: ['APP_SECRET'], message: 'is required in production' });
  }
  if (env.WEB_CONCURRENCY !== 1) {
    // The embedded database lives inside one process; a generated key would differ per worker, so a
    // token signed by one would be refused by the next.
    if (!env.DATABASE_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['WEB_CONCURRENCY'],
        message: 'above 1 needs DATABASE_URL (the embedded database serves one process)',
      });
    if (!env.APP_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['APP_SECRET'],
        message: 'is required when WEB_CONCURRENCY is above 1 (every worker must sign with the same key)',
      });
  }
  if (env.DATABASE_READ_URLS?.length && !env.DATABASE_URL) {
    ctx.addIssue({
      code: 'custom',
      path: ['DATABASE_READ_URLS'],
      message: 'needs DATABASE_URL (the embedded database has no replicas)',
    });
  }
  if (env.RESPONSE_CACHE === 'redis' && !env.REDIS_URL) {
    ctx.addIssue({ code: 'custom', path: ['REDIS_URL'], message: 'is required when RESPONSE_CACHE=redis' });
  }
  if (env.MEDIA_STORAGE === 's3' && !env.MEDIA_S3_BUCKET) {
    ctx.addIssue({ code: 'custom', path: ['MEDIA_S3_BUCKET'], message: 'is required when MEDIA_STORAGE=s3' });
  }
  if (Boolean(env.MEDIA_S3_ACCESS_KEY_ID) !== Boolean(env.MEDIA_S3_SECRET_ACCESS_KEY)) {
    ctx.addIssue({
      code: 'custom',
      path: [env.MEDIA_S3_ACCESS_KEY_ID ? 'MEDIA_S3_SECRET_ACCESS_KEY' : 'MEDIA_S3_ACCESS_KEY_ID'],
      message: 'MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY go together',
    });
  }
  if (env.RETENTION_LOGIN_ATTEMPTS_DAYS * 86_400 < env.LOGIN_WINDOW_SECONDS) {
    ctx.addIssue({
      code: 'custom',
      path: ['RETENTION_LOGIN_ATTEMPTS_DAYS'],
      message: 'must keep login attempts at least as long as LOGIN_WINDOW_SECONDS, or the login limit forgets failures',
    });
  }
  if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
    ctx.addIssue({
      code: 'custom',
      path: [env.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'],
      message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together',
    });
  }
});
