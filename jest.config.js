import { availableParallelism } from 'node:os';

// Jest runs in native ESM mode (NestJS 12 is ESM-only); SWC compiles TypeScript with decorator
// metadata, which Nest's injection and code-first GraphQL need.
const swc = [
  '@swc/jest',
  {
    module: { type: 'es6' },
    jsc: {
      target: 'es2023',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
  },
];

const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
};

// Each spec file of the database tiers clones the database migrated once in global setup: on the
// PostgreSQL server named by TEST_DATABASE_URL, else on a scratch one made for the run
// (test/utils/scratch-postgres.mjs).
const database = {
  globalSetup: '<rootDir>/test/utils/global-setup.mjs',
  globalTeardown: '<rootDir>/test/utils/global-teardown.mjs',
  setupFiles: ['<rootDir>/test/utils/setup-env.ts'],
};

// The spec files whose database matters run a second time on embedded PostgreSQL (PGlite), since that
// is what `npm start` gives a newcomer without DATABASE_URL: each one leans on something PGlite has to
// do as the server does (full-text search with per-language configurations, pg_trgm, triggers, xid8
// and snapshots for the change feed, SKIP LOCKED job claims, JSON built in SQL, the migrations
// themselves). The Studio's browser tests are not repeated: what they write goes through the same
// admin mutations that articles-editing runs here. Tests of the embedded start itself (operations/,
// database/) start their own embedded database in the e2e project.
const EMBEDDED_SPECS = [
  'public-api/articles',
  'public-api/derived-fields',
  'public-api/demo-content',
  'admin-api/articles-editing',
  'media/media-library-search',
  'media/images-by-reference',
  'feeds/feeds',
  'syndication/change-feed',
  'jobs/scheduled-publishing',
  'webhooks/webhook-delivery',
];
const embedded = {
  globalSetup: '<rootDir>/test/utils/global-setup-pglite.mjs',
  globalTeardown: '<rootDir>/test/utils/global-teardown.mjs',
  setupFiles: ['<rootDir>/test/utils/setup-env.ts', '<rootDir>/test/utils/setup-pglite.ts'],
  testMatch: EMBEDDED_SPECS.map((spec) => `<rootDir>/test/e2e/${spec}.e2e-spec.ts`),
};

export default {
  // End-to-end specs boot the whole app on a database of their own; under a full parallel run that
  // takes a while. (A global option: Jest ignores it inside projects.)
  testTimeout: 60_000,
  // Each e2e file has its own database, so files run safely side by side. Against a PostgreSQL server
  // one worker per core left the cores a third idle (CI's `time`: 1.3 of 2 cores busy): workers wait on
  // the server, Chromium and child processes. A worker more than the cores fills that (a full run on two
  // cores: 227 s with 3 workers; 4 workers took longer).
  // A count, not '150%': Jest reads a percentage over 100 as that many workers.
  maxWorkers: Math.round(availableParallelism() * 1.5),
  // An e2e worker has loaded the whole app; on two busy cores it needs ~0.6-1 s to exit after its last
  // file (nothing is left open: --detectOpenHandles reports nothing). Jest's 500 ms default then prints
  // "A worker process has failed to exit gracefully" and kills it.
  workerGracefulExitTimeout: 2000,
  reporters: ['default', '<rootDir>/test/utils/slowest-files.reporter.mjs'],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    // The Studio's pure modules (body mapping); its screens are tested in a browser (test/e2e/studio).
    { ...common, displayName: 'studio', testMatch: ['<rootDir>/studio/src/**/*.spec.ts'] },
    // Services against a real database, without HTTP (test/utils/create-service-context.ts): rules
    // whose point is not the request. Same database setup as e2e.
    { ...common, ...database, displayName: 'service', testMatch: ['<rootDir>/test/service/**/*.service-spec.ts'] },
    // The whole app over HTTP (test/utils/create-app.ts): where the request is the point.
    { ...common, ...database, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
    // The same files as e2e, on PGlite (above).
    { ...common, ...embedded, displayName: 'embedded' },
  ],
};
