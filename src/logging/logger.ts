import { createRequire } from 'node:module';
import { pino, type Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';

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

export function createLogger(config: AppConfig): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'newsdesk' },
    transport: prettyTransport(config),
    redact: ['req.headers.authorization', 'req.headers.cookie'],
  });
}
