import type autocannon from 'autocannon';
import type pg from 'pg';

/** What autocannon sends at one server, and what counts as a good response. */
export interface LoadPlan {
  /** The requests each connection loops over, or (per-connection state) a list for connection n. */
  requests: autocannon.Request[] | ((connection: number) => autocannon.Request[]);
  /** A response is an error unless this holds; GraphQL reports errors with status 200, so bodies are checked. */
  isSuccess: (status: number, body: string) => boolean;
  /** Fixed concurrency of the scenario itself (F: 8 editors), whatever --connections says. */
  connections?: number;
  /** Warm up with this many requests instead of for a time: one pass over rotating keys fills the caches. */
  warmupRequests?: number;
  /** Runs before each load (warm-up and measured), on an idle server: e.g. re-reads state a stopped load left stale. */
  beforeRun?: () => Promise<void>;
  /** Shown under the table, e.g. when the data set is too small for what the scenario asks. */
  note?: string;
}

export interface Scenario {
  id: string;
  title: string;
  /**
   * Once per run, before any server starts: reads from the database what the scenario needs (slugs, a
   * tag, a cursor...). Returns how to plan the load against one started server.
   */
  prepare(db: pg.Pool, databaseUrl: string): Promise<(baseUrl: string) => Promise<LoadPlan>>;
}

export const isGraphqlSuccess = (status: number, body: string): boolean =>
  status >= 200 && status < 300 && !body.includes('"errors"');

/** The article conditions of the app's PUBLISHED (src/articles/article-list.query.ts), for setup reads. */
export const PUBLISHED_SQL = `a.status = 'PUBLISHED' AND a.deleted_at IS NULL AND a.published_at IS NOT NULL`;
