import cluster from 'node:cluster';
import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';

// Whatever a log call is handed (a request, an error with its config, a job payload), these never
// reach the output. URLs are redacted where they are logged (redact-url.ts): pino's paths see keys only.
const SECRET_KEYS = ['password', 'refreshToken', 'accessToken', 'previewToken', 'token', 'secret', 'key'];
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-partner-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-partner-key"]',
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
];

// Pretty output only where a person reads the terminal and pino-pretty is installed (dev dependency).
function prettyTransport(config: AppConfig): pino.TransportSingleOptions | undefined {
  if (config.env !== 'development') return undefined;
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } };
  } catch {
    return undefined;
  }
}

/** `destination`: tests capture the whole output; otherwise stdout (or pino-pretty in development). */
export function createLogger(config: Pick<AppConfig, 'env' | 'logLevel'>, destination?: DestinationStream): Logger {
  const options = {
    level: config.logLevel,
    // In a cluster (WEB_CONCURRENCY), which worker wrote the line.
    base: { service: 'newsdesk', ...(cluster.worker ? { worker: cluster.worker.id } : {}) },
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
  };
  if (destination) return pino(options, destination);
  return pino({ ...options, transport: prettyTransport(config as AppConfig) });
}
