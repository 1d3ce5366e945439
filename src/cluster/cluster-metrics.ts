import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';
import { isMessage } from './ipc-message.js';

// With WEB_CONCURRENCY above 1, GET /metrics reaches whichever worker the cluster hands the
// connection to, and each worker counts only its own requests. So a worker asks the primary, which
// gathers every worker's registry with prom-client's AggregatorRegistry (counters and histograms
// summed, gauges by their aggregator) and answers over the cluster's IPC channel: one scrape, the
// whole process group, on the same port.

const REQUEST = 'newsdesk:cluster-metrics-request';
const RESPONSE = 'newsdesk:cluster-metrics-response';
const TIMEOUT_MS = 5000;

interface MetricsRequest {
  type: typeof REQUEST;
  id: number;
}

interface MetricsResponse {
  type: typeof RESPONSE;
  id: number;
  text?: string;
  error?: string;
}

/** In the primary: answers the workers' scrapes with the metrics of all of them. */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: unknown) => {
    if (!isMessage<MetricsRequest>(message, REQUEST)) return;
    const reply = (body: Omit<MetricsResponse, 'type' | 'id'>) => {
      if (worker.isConnected()) worker.send({ type: RESPONSE, id: message.id, ...body } satisfies MetricsResponse);
    };
    aggregator.clusterMetrics().then(
      (text) => reply({ text }),
      (error: unknown) => reply({ error: error instanceof Error ? error.message : String(error) }),
    );
  });
}

/** In a worker: offers `registry` to the primary's aggregation (prom-client's listener). */
export function joinClusterMetrics(registry: Registry): void {
  AggregatorRegistry.setRegistries([registry]);
  // Constructing one installs prom-client's worker-side listener, which answers the primary.
  new AggregatorRegistry();
}

let nextId = 0;

/** In a worker: the metrics of every worker, as the primary aggregated them. */
export function clusterMetricsText(): Promise<string> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      process.off('message', onMessage);
      reject(new Error('the cluster primary did not answer a metrics request'));
    }, TIMEOUT_MS);
    function onMessage(message: unknown) {
      if (!isMessage<MetricsResponse>(message, RESPONSE) || message.id !== id) return;
      clearTimeout(timer);
      process.off('message', onMessage);
      if (message.error !== undefined) reject(new Error(message.error));
      else resolve(message.text ?? '');
    }
    process.on('message', onMessage);
    process.send!({ type: REQUEST, id } satisfies MetricsRequest);
  });
}
