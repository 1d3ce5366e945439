// The `embedded` project's spec files run on PGlite whatever TEST_DATABASE_URL says (Jest gives each
// file its own copy of process.env): createTestDatabase() then loads the migrated snapshot, and the
// tests that need a server skip themselves (on-postgres.ts), as the e2e project runs them.
delete process.env.TEST_DATABASE_URL;
process.env.NEWSDESK_TEST_PGLITE_PROJECT = '1';
