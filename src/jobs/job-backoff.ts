const MAX_DELAY_MS = 60 * 60 * 1000;

/**
 * Delay before retrying a job that failed on its `attempts`-th run: 2^attempts seconds, capped at an
 * hour, spread by ±20% so jobs that failed together (a database hiccup) do not retry in lockstep.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(2 ** attempts * 1000, MAX_DELAY_MS);
  return Math.round(base * (0.8 + 0.4 * random()));
}
