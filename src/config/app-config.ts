import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { envRules, type Env } from './env.schema.js';

export interface AppConfig {
  readonly env: Env['NODE_ENV'];
  readonly http: {
    readonly host: string;
    readonly port: number;
    /** HTTP worker processes on the port (WEB_CONCURRENCY): 1 serves from this process, more fork a cluster. */
    readonly workers: number;
    /** Express's `trust proxy`: hops, or proxy addresses/CIDRs, whose X-Forwarded-For is believed. */
    readonly trustProxy: number | readonly string[] | false;
    /** max-age (s) of public responses: GraphQL reads, feeds and sitemaps alike. */
    readonly publicMaxAge: number;
  };
  readonly database: {
    /** Undefined means: start embedded PostgreSQL under dataDir. */
    readonly url: string | undefined;
    readonly poolSize: number;
    /**
     * Name (prepare) the statements repositories mark (database/prepared-statements.ts). Off in embedded
     * mode: PGlite serves every connection in one session, where one connection's names would collide
     * with the next one's.
     */
    readonly preparedStatements: boolean;
    /** Streaming replicas that may serve public reads; empty: the primary serves everything. */
    readonly readUrls: readonly string[];
    /** Longest pause between retries of an unreachable database (job runner, cache purge listener; database/outage-log.ts). */
    readonly retryMaxMs: number;
    readonly migrateOnStart: boolean;
    readonly dataDir: string;
    /** Seed the demo content into an empty embedded database. */
    readonly seedDemoContent: boolean;
  };
  /** previewUrlPattern: null or absent when no front-end preview page is configured. */
  readonly site: { readonly url: string; readonly articleUrlPattern: string; readonly previewUrlPattern?: string | null };
  /** language: a canonical BCP 47 tag. */
  readonly publication: { readonly name: string; readonly language: string };
  readonly logLevel: Env['LOG_LEVEL'];
  /** Undefined: generated (and, in embedded mode, kept in DATA_DIR) at start, see app-secret.ts. */
  readonly appSecret: string | undefined;
  readonly auth: {
    readonly accessTokenTtlSeconds: number;
    readonly refreshTokenTtlDays: number;
    readonly previewTokenTtlSeconds: number;
    readonly loginMaxAttempts: number;
    readonly loginWindowSeconds: number;
    readonly initialAdmin: { readonly email: string; readonly password: string } | undefined;
  };
  readonly media: {
    readonly dir: string;
    readonly maxBytes: number;
    readonly publicUrl: string;
    readonly maxPixels: number;
    readonly publicOriginals: boolean;
    readonly renditions: {
      /** Ascending, without duplicates. */
      readonly widths: readonly number[];
      /** [width, height] pairs, e.g. [16, 9]. */
      readonly aspects: readonly (readonly [number, number])[];
      readonly concurrency: number;
      readonly queueLimit: number;
      readonly timeoutMs: number;
    };
    readonly storage: 'local' | 's3';
    readonly s3: {
      readonly bucket: string;
      readonly region: string;
      readonly endpoint: string | undefined;
      readonly forcePathStyle: boolean;
      readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string } | undefined;
      readonly prefix: string;
    };
  };
  readonly jobs: { readonly enabled: boolean; readonly pollIntervalMs: number };
  readonly feeds: { readonly itemLimit: number };
  readonly webhooks: { readonly allowPrivateTargets: boolean; readonly timeoutMs: number };
  /** smtpUrl undefined: mail is written to the log instead of sent (development). */
  readonly mail: { readonly smtpUrl: string | undefined; readonly from: string };
  readonly newsletter: { readonly signupsPerHour: number };
  readonly responseCache: {
    /** off: every public request is computed (Surrogate-Key headers still go out for a CDN). */
    readonly store: 'memory' | 'redis' | 'off';
    readonly redisUrl: string | undefined;
    readonly redisKeyPrefix: string;
    readonly maxBytes: number;
    readonly ttlSeconds: number;
    readonly cdnPurge:
      | {
          readonly url: string;
          readonly header: readonly [string, string] | undefined;
          /** How long one run waits for the read replicas to replay the change before it fails and is retried. */
          readonly replayWaitMs: number;
        }
      | undefined;
  };
  readonly retention: {
    readonly intervalMinutes: number;
    readonly jobsDays: number;
    readonly loginAttemptsDays: number;
    readonly sessionsDays: number;
    readonly webhookDeliveriesDays: number;
    readonly changeEventsDays: number;
  };
  /** endpoint undefined: no tracing (see telemetry/telemetry.ts). */
  readonly telemetry: { readonly endpoint: string | undefined; readonly serviceName: string };
  readonly metricsEnabled: boolean;
  readonly cors: {
    /** '*': any page may read the public surfaces (no credentials); else only these origins. */
    readonly publicOrigins: '*' | readonly string[];
    /** Pages that may call the admin endpoints, with credentials; empty: none. */
    readonly adminOrigins: readonly string[];
  };
  /** Where embedded iframes may come from (articles/body/embed-policy.ts). */
  readonly embeds: { readonly hosts: readonly string[] };
  readonly graphql: {
    readonly introspection: boolean;
    readonly maxDepth: number;
    readonly maxComplexity: number;
    /** Public queries answered with PostgreSQL's JSON text (graphql/plugins/pass-through.plugin.ts). */
    readonly passThrough: 'on' | 'off' | 'verify';
    readonly includeStacktrace: boolean;
    /** Serve the GraphiQL IDE at the GraphQL paths (browsers asking for HTML). */
    readonly ide: boolean;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// Empty strings count as unset so `PORT=` in a .env file falls back to the default.
function withoutEmpty(source: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = envRules.safeParse(withoutEmpty(source));
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error));
  const env = parsed.data;
  const embedded = env.DATABASE_URL === undefined;
  return deepFreeze({
    env: env.NODE_ENV,
    http: {
      host: env.HOST,
      port: env.PORT,
      workers: env.WEB_CONCURRENCY === 'auto' ? availableParallelism() : env.WEB_CONCURRENCY,
      trustProxy: env.TRUST_PROXY ?? false,
      publicMaxAge: env.PUBLIC_CACHE_MAX_AGE,
    },
    database: {
      url: env.DATABASE_URL,
      poolSize: env.DATABASE_POOL_SIZE,
      preparedStatements: !embedded && env.DATABASE_PREPARED_STATEMENTS,
      readUrls: env.DATABASE_READ_URLS ?? [],
      retryMaxMs: env.DATABASE_RETRY_MAX_MS,
      migrateOnStart: embedded || env.MIGRATE_ON_START,
      dataDir: resolve(env.DATA_DIR),
      seedDemoContent: embedded,
    },
    site: {
      url: env.PUBLIC_SITE_URL.replace(/\/+$/, ''),
      articleUrlPattern: env.ARTICLE_URL_PATTERN,
      previewUrlPattern: env.PREVIEW_URL_PATTERN ?? null,
    },
    publication: { name: env.PUBLICATION_NAME ?? new URL(env.PUBLIC_SITE_URL).host, language: env.PUBLICATION_LANGUAGE },
    logLevel: env.LOG_LEVEL,
    appSecret: env.APP_SECRET,
    auth: {
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
      previewTokenTtlSeconds: env.PREVIEW_TOKEN_TTL_SECONDS,
      loginMaxAttempts: env.LOGIN_MAX_ATTEMPTS,
      loginWindowSeconds: env.LOGIN_WINDOW_SECONDS,
      initialAdmin: env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : undefined,
    },
    media: {
      dir: resolve(env.MEDIA_DIR ?? `${env.DATA_DIR}/media`),
      maxBytes: env.MEDIA_MAX_BYTES,
      publicUrl: `${(env.PUBLIC_API_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '')}/media`,
      maxPixels: env.MEDIA_MAX_PIXELS,
      publicOriginals: env.MEDIA_PUBLIC_ORIGINALS,
      renditions: {
        widths: [...new Set(env.MEDIA_RENDITION_WIDTHS.split(',').map(Number))].sort((a, b) => a - b),
        aspects: env.MEDIA_RENDITION_ASPECTS.split(',').map((pair) => pair.split(':').map(Number) as [number, number]),
        concurrency: env.MEDIA_RENDER_CONCURRENCY,
        queueLimit: env.MEDIA_RENDER_QUEUE,
        timeoutMs: env.MEDIA_RENDER_TIMEOUT_MS,
      },
      storage: env.MEDIA_STORAGE,
      s3: {
        bucket: env.MEDIA_S3_BUCKET ?? '',
        region: env.MEDIA_S3_REGION,
        endpoint: env.MEDIA_S3_ENDPOINT,
        forcePathStyle: env.MEDIA_S3_FORCE_PATH_STYLE,
        credentials:
          env.MEDIA_S3_ACCESS_KEY_ID && env.MEDIA_S3_SECRET_ACCESS_KEY
            ? { accessKeyId: env.MEDIA_S3_ACCESS_KEY_ID, secretAccessKey: env.MEDIA_S3_SECRET_ACCESS_KEY }
            : undefined,
        prefix: env.MEDIA_S3_PREFIX,
      },
    },
    jobs: { enabled: env.JOBS_ENABLED, pollIntervalMs: env.JOBS_POLL_INTERVAL_MS },
    feeds: { itemLimit: env.FEED_ITEM_LIMIT },
    webhooks: { allowPrivateTargets: env.WEBHOOKS_ALLOW_PRIVATE_TARGETS, timeoutMs: env.WEBHOOK_TIMEOUT_MS },
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    newsletter: { signupsPerHour: env.NEWSLETTER_SIGNUPS_PER_HOUR },
    responseCache: {
      store: env.RESPONSE_CACHE ?? (env.REDIS_URL ? 'redis' : 'memory'),
      redisUrl: env.REDIS_URL,
      redisKeyPrefix: env.REDIS_KEY_PREFIX,
      maxBytes: env.RESPONSE_CACHE_MAX_MB * 1024 * 1024,
      ttlSeconds: env.RESPONSE_CACHE_TTL_SECONDS,
      cdnPurge: env.CDN_PURGE_URL
        ? { url: env.CDN_PURGE_URL, header: headerPair(env.CDN_PURGE_HEADER), replayWaitMs: env.CDN_PURGE_REPLAY_WAIT_MS }
        : undefined,
    },
    retention: {
      intervalMinutes: env.RETENTION_INTERVAL_MINUTES,
      jobsDays: env.RETENTION_JOBS_DAYS,
      loginAttemptsDays: env.RETENTION_LOGIN_ATTEMPTS_DAYS,
      sessionsDays: env.RETENTION_SESSIONS_DAYS,
      webhookDeliveriesDays: env.RETENTION_WEBHOOK_DELIVERIES_DAYS,
      changeEventsDays: env.RETENTION_CHANGE_EVENTS_DAYS,
    },
    telemetry: { endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: env.OTEL_SERVICE_NAME },
    metricsEnabled: env.METRICS_ENABLED,
    cors: {
      publicOrigins: env.CORS_ORIGINS.includes('*') ? '*' : env.CORS_ORIGINS,
      adminOrigins: env.ADMIN_CORS_ORIGINS,
    },
    embeds: { hosts: env.EMBED_HOSTS },
    graphql: {
      introspection: env.GRAPHQL_INTROSPECTION,
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxComplexity: env.GRAPHQL_MAX_COMPLEXITY,
      passThrough: env.GRAPHQL_PASS_THROUGH,
      includeStacktrace: env.NODE_ENV === 'development',
      ide: env.GRAPHQL_IDE ?? env.NODE_ENV !== 'production',
    },
  });
}

function headerPair(header: string | undefined): [string, string] | undefined {
  if (!header) return undefined;
  const colon = header.indexOf(':');
  return [header.slice(0, colon).trim(), header.slice(colon + 1).trim()];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
