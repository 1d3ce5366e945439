import { setTimeout as sleep } from 'node:timers/promises';

// The app's statement counter (Prometheus text at GET /metrics, with METRICS_ENABLED=true). The
// baseline serves the same name. Absent (an app without /metrics) means "n/a", not a failure.
const SQL_COUNTER = 'newsdesk_sql_statements_total';

export async function readSqlStatements(baseUrl: string): Promise<number | null> {
  try {
    const response = await fetch(`${baseUrl}/metrics`);
    if (!response.ok) return null;
    return sumCounter(await response.text(), SQL_COUNTER);
  } catch {
    return null;
  }
}

/** Sums every sample of a counter (it may carry labels); null when the exposition has none. */
export function sumCounter(exposition: string, name: string): number | null {
  let total: number | null = null;
  for (const line of exposition.split('\n')) {
    if (!line.startsWith(name) || (line[name.length] !== ' ' && line[name.length] !== '{')) continue;
    // "name{labels} value [timestamp]"; label values may hold spaces, so skip past the closing brace.
    const rest = line[name.length] === '{' ? line.slice(line.lastIndexOf('}') + 1) : line.slice(name.length);
    const value = Number(rest.trim().split(/\s+/)[0]);
    if (Number.isFinite(value)) total = (total ?? 0) + value;
  }
  return total;
}

/**
 * Waits until the server has finished the requests a stopped load left in flight (their clients are
 * gone, but the server still runs them): until its statement counter holds still. Without the counter,
 * a fixed pause.
 */
export async function waitUntilIdle(baseUrl: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = await readSqlStatements(baseUrl);
  if (last === null) return sleep(1000);
  while (Date.now() < deadline) {
    await sleep(300);
    const now = await readSqlStatements(baseUrl);
    if (now === last) return;
    last = now;
  }
}
