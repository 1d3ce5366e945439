import { createHash } from 'node:crypto';
import { Prisma } from '../generated/prisma/client.js';

// Named (prepared) statements, for the statements a repository marks and only those.
//
// A named statement is parsed and planned once per connection; afterwards pg sends only Bind/Execute.
// Measured in issue 9 §3 (BENCHMARKS "Named prepared statements"), naming every statement through
// @prisma/adapter-pg's `statementNameGenerator`: PostgreSQL CPU per request -29% to -53% on B and C,
// but +58-66% on D (search): after five executions PostgreSQL may switch a prepared statement to a
// generic plan, which cannot know how selective `websearch_to_tsquery($1)` is. And the public API lets
// clients choose fields, so statement texts are client-chosen, while pg keeps every named statement of
// a connection until it closes.
//
// So the set is explicit and bounded:
// - a repository marks a statement with `prepared()` when its plan does not depend on how selective
//   its parameters are (lookups by slug or id, keyset pages of a list, feed bodies); search never is;
// - the first MAX_NAMED distinct marked texts of the process get a name (derived from the text, so a
//   name always means one text on every connection); any later text runs unnamed, as before. Each
//   connection therefore holds at most MAX_NAMED prepared statements, whatever clients send.
// - a marked statement writes its LIMITs with literalLimit(), never as a parameter. PostgreSQL costs
//   the generic plan of `LIMIT $n` as if it returned 10% of the rows, so that plan never looks
//   cheaper than a custom one and the statement was planned again at every execution: on scenario
//   A's statement, 3.4 ms per execution with `LIMIT $1` (0 generic plans of 210) and 1.2-1.5 ms with
//   a literal LIMIT (210 generic) (BENCHMARKS "Generic plans"). Each page size is then a text of its
//   own, which the MAX_NAMED bound covers like any other client-chosen difference.
// Figures for this change: BENCHMARKS "Prepared statements, bounded" (issue 9 §3).

/** The comment that marks a statement; PostgreSQL ignores it, the name generator looks for it. */
const MARK = '/* newsdesk:prepared */ ';

/** Distinct marked texts named per process, so prepared statements per connection (fixed texts of A-C, E, plus selections). */
export const MAX_NAMED = 64;

/** Marks `sql` as worth preparing: its text is fixed (or one of few) and its plan suits any parameter. */
export function prepared(sql: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(MARK)}${sql}`;
}

/** `LIMIT n` written into the text (see above); n must be a non-negative integer, as it is not a parameter. */
export function literalLimit(n: number): Prisma.Sql {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`A LIMIT must be a non-negative integer, not ${n}`);
  return Prisma.raw(`LIMIT ${n}`);
}

const names = new Map<string, string>();

/**
 * PrismaPg's `statementNameGenerator`: a name for a marked statement while fewer than MAX_NAMED texts
 * have one, else undefined (pg then sends it unnamed, parsed and planned each time).
 */
export function preparedStatementName(query: { readonly sql: string }): string {
  if (!query.sql.startsWith(MARK)) return undefined as unknown as string;
  let name = names.get(query.sql);
  if (name === undefined && names.size < MAX_NAMED) {
    name = `nd_${createHash('sha1').update(query.sql).digest('base64url')}`;
    names.set(query.sql, name);
  }
  // The adapter's type says string; pg treats an undefined name as an unnamed statement.
  return name as string;
}
