import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { createLogger } from '../../src/logging/logger.js';

/** The app's real logger (its redaction included), writing every line into memory. */
export function captureLogs(level: 'trace' | 'debug' | 'info' | 'warn' = 'trace') {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const logger: Logger = createLogger({ env: 'test', logLevel: level }, sink);
  return {
    logger,
    /** Everything logged so far, as one string. */
    text: () => lines.join(''),
    entries: () =>
      lines
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown> & { msg: string; level: number }),
  };
}
