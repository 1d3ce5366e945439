const HOW = 'TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm test';
const announced = new Set<string>();

// Tests that need a PostgreSQL server: several app instances on one database (the embedded one
// serves a single process), or a server that can be stopped. On the embedded database they are
// skipped, and the run says so, with how to include them.
export function onPostgres<T extends jest.It | jest.Describe>(kind: T, what: string): T {
  if (process.env.TEST_DATABASE_URL) return kind;
  if (!announced.has(what)) {
    announced.add(what);
    process.stderr.write(`SKIPPED on embedded PostgreSQL: ${what}. These need a PostgreSQL server: ${HOW}\n`);
  }
  return kind.skip as T;
}
