import { register } from 'node:module';
import type { AppConfig } from '../config/app-config.js';

// OpenTelemetry tracing, on when OTEL_EXPORTER_OTLP_ENDPOINT is set: spans for HTTP requests, Express
// routing, GraphQL parsing/validation/execution and every PostgreSQL query, sent over OTLP/HTTP to
// `<endpoint>/v1/traces`. The SDK reads its other OTEL_* settings itself (headers, sampling, batching).
//
// Newsdesk is ES modules, and instrumentation works by patching modules as they are loaded: CommonJS
// packages (express, pg, graphql) through require hooks, ES modules through the loader hook of
// import-in-the-middle, which must be registered before they are imported. So main.ts calls this
// first and imports the app only afterwards, and the OpenTelemetry packages are imported here lazily:
// without an endpoint, none of them is loaded at all.
export async function startTelemetry(config: AppConfig): Promise<void> {
  const { endpoint, serviceName } = config.telemetry;
  if (!endpoint) return;
  // Only what is instrumented: wrapping every module, import-in-the-middle fails on some of Nest 12's
  // ESM re-exports (measured: the app did not start). express, pg and graphql 16 load as CommonJS
  // even from ES modules, so the require hooks already see them; the list keeps that true if they move.
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, { data: { include: ['pg', 'express', 'graphql'] } });
  const [{ NodeSDK }, { OTLPTraceExporter }, http, express, pg, graphql] = await Promise.all([
    import('@opentelemetry/sdk-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-express'),
    import('@opentelemetry/instrumentation-pg'),
    import('@opentelemetry/instrumentation-graphql'),
  ]);
  // Set once the SDK runs: redact-url.ts imports graphql, which must load only after instrumentation.
  let redactUrl: (url: string) => string = () => '';
  const sdk = new NodeSDK({
    serviceName,
    traceExporter: new OTLPTraceExporter(),
    instrumentations: [
      // Health probes would drown the traces.
      new http.HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => req.url?.startsWith('/health') ?? false,
        // Traces are shipped like logs: no partner key or preview token in a recorded query string.
        requestHook: (span, req) => {
          if (!('headers' in req) || !req.url?.includes('?')) return;
          const redacted = redactUrl(req.url);
          span.setAttribute('url.query', redacted.slice(redacted.indexOf('?') + 1));
        },
      }),
      new express.ExpressInstrumentation(),
      new pg.PgInstrumentation(),
      // Fields that only read a property would be a span each: one per list item.
      new graphql.GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, mergeItems: true }),
    ],
  });
  sdk.start();
  ({ redactUrl } = await import('../logging/redact-url.js'));
}
