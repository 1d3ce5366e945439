const announced = new Set<string>();

// Tests that need a PostgreSQL server: several app instances on one database (the embedded one
// serves a single process), or a server that can be stopped. On the embedded database they are
// skipped: in the `embedded` project quietly, since the e2e project runs them on a server; in a run
// that found no server at all (scratch-postgres.mjs says why) with one line per group.
export function onPostgres<T extends jest.It | jest.Describe>(kind: T, what: string): T {
  if (process.env.TEST_DATABASE_URL) return kind;
  if (!process.env.NEWSDESK_TEST_PGLITE_PROJECT && !announced.has(what)) {
    announced.add(what);
    process.stderr.write(`SKIPPED on embedded PostgreSQL: ${what}. These need a PostgreSQL server (TEST_DATABASE_URL).\n`);
  }
  return kind.skip as T;
}
