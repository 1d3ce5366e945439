import autocannon from 'autocannon';
import type { LoadPlan } from '../scenarios/scenario.js';

export interface LoadResult {
  responses: number;
  /** Requests sent: the responses plus those still in flight when the time was up. */
  sent: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Responses that failed the plan's check, plus connection errors and timeouts. */
  errors: number;
  /** The first failed response body, to show what went wrong. */
  sampleError: string | undefined;
}

// Nearest-rank percentile of sorted values.
function percentile(sorted: Float64Array, p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/**
 * Runs the plan at fixed concurrency for a fixed time (or number of requests). Latencies are recorded here from every response
 * (autocannon's histogram has no p95); each response passes the plan's check or counts as an error.
 */
export async function runLoad(
  baseUrl: string,
  plan: LoadPlan,
  connections: number,
  length: { seconds: number } | { requests: number },
): Promise<LoadResult> {
  let latencies = new Float64Array(1 << 16);
  let responses = 0;
  let failed = 0;
  let sampleError: string | undefined;

  const checked = (requests: autocannon.Request[]): autocannon.Request[] =>
    requests.map((request) => ({
      ...request,
      onResponse: (status, body, context, headers) => {
        request.onResponse?.(status, body, context, headers);
        if (plan.isSuccess(status, body)) return;
        failed += 1;
        sampleError ??= `${status} ${body.slice(0, 300)}`;
      },
    }));

  const perConnection = typeof plan.requests === 'function' ? plan.requests : undefined;
  let nextConnection = 0;
  const instance = autocannon({
    url: baseUrl,
    connections,
    ...('seconds' in length ? { duration: length.seconds } : { amount: length.requests }),
    requests: perConnection ? checked(perConnection(0)) : checked(plan.requests as autocannon.Request[]),
    setupClient: perConnection ? (client) => client.setRequests(checked(perConnection(nextConnection++))) : undefined,
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    if (responses === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[responses++] = responseTime;
  });
  const started = performance.now();
  const result = await instance;
  const seconds = (performance.now() - started) / 1000;

  const sorted = latencies.subarray(0, responses).sort();
  return {
    responses,
    sent: Math.max(result.requests.sent, responses),
    seconds: round(seconds, 2),
    rps: round(responses / seconds, 1),
    p50: round(percentile(sorted, 50), 2),
    p95: round(percentile(sorted, 95), 2),
    p99: round(percentile(sorted, 99), 2),
    // result.errors already includes timeouts.
    errors: failed + result.errors,
    sampleError,
  };
}
