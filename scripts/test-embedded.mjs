// `npm run test:embedded`: the spec files whose database matters, on embedded PostgreSQL (PGlite),
// whatever TEST_DATABASE_URL says. CI runs the whole suite against a server PostgreSQL, then these
// on PGlite, since that is what `npm start` gives a newcomer without DATABASE_URL: each one leans on
// something PGlite has to do as the server does (full-text search with per-language configurations,
// pg_trgm, triggers, xid8 and snapshots for the change feed, SKIP LOCKED job claims, JSON built in SQL,
// the migrations themselves). The Studio's browser tests are not repeated here: what they write goes
// through the same admin mutations that articles-editing runs on PGlite. Tests of the embedded start
// (operations/, database/) start their own embedded database and so run in the server pass already.
// Extra arguments go to Jest.
import { spawnSync } from 'node:child_process';

const EMBEDDED_SPECS = [
  'test/e2e/public-api/articles.e2e-spec.ts',
  'test/e2e/public-api/derived-fields.e2e-spec.ts',
  'test/e2e/public-api/demo-content.e2e-spec.ts',
  'test/e2e/admin-api/articles-editing.e2e-spec.ts',
  'test/e2e/media/media-library-search.e2e-spec.ts',
  'test/e2e/media/images-by-reference.e2e-spec.ts',
  'test/e2e/feeds/feeds.e2e-spec.ts',
  'test/e2e/syndication/change-feed.e2e-spec.ts',
  'test/e2e/jobs/scheduled-publishing.e2e-spec.ts',
  'test/e2e/webhooks/webhook-delivery.e2e-spec.ts',
];

const env = { ...process.env };
delete env.TEST_DATABASE_URL;
const jest = ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--no-watchman', ...EMBEDDED_SPECS];
const result = spawnSync(process.execPath, [...jest, ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
