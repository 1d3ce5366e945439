import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { redactUrl } from './redact-url.js';

const REQUEST_ID_HEADER = 'x-request-id';
const acceptableRequestId = /^[\w.:-]{1,128}$/;

// One log line per request, each carrying a request id (taken from a trusted proxy's header when it
// looks sane, else new) that is echoed back and attached to errors so a report can be traced.
export function requestLoggingMiddleware(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const incoming = req.headers[REQUEST_ID_HEADER];
      const id = typeof incoming === 'string' && acceptableRequestId.test(incoming) ? incoming : randomUUID();
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    customLogLevel(_req, res, error) {
      if (error || res.statusCode >= 500) return 'error';
      return res.statusCode >= 400 ? 'warn' : 'info';
    },
    // Probes ask every few seconds; a readiness change is logged once by HealthService instead.
    autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/health/ready' },
    // A 5xx without an error (a 503 answer) needs no made-up error and its stack on every line.
    customErrorObject(_req, _res, error, loggable: Record<string, unknown>) {
      return error.message.startsWith('failed with status code') ? { ...loggable, err: undefined } : loggable;
    },
    serializers: {
      // Query strings carry partner keys, preview and newsletter tokens: never log them verbatim.
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: redactUrl(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
