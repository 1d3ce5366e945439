import type { Response } from 'express';
import type { ResponseKeys } from '../common/response-keys.js';
import type { StoredResponse } from './response-store.js';

/** Headers a replayed response carries; per-request ones (request id, dates) are never stored. */
const REPLAYED_HEADERS = [
  'content-type',
  'cache-control',
  'etag',
  'last-modified',
  'vary',
  'surrogate-key',
  'x-content-type-options',
];

/**
 * Sets Surrogate-Key from the collected content keys just before the headers go out (whatever code
 * sends them), and hands the finished response to `onFinish` with its body.
 */
export function captureResponse(
  res: Response,
  keys: ResponseKeys,
  onFinish: ((response: StoredResponse) => void) | undefined,
): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: unknown[]) {
    if (keys.size && !res.headersSent) res.setHeader('Surrogate-Key', keys.values().join(' '));
    return (writeHead as (...a: unknown[]) => Response).apply(this, args);
  } as Response['writeHead'];
  if (!onFinish) return;

  const chunks: Buffer[] = [];
  const write = res.write;
  const end = res.end;
  res.write = function (this: Response, chunk: unknown, ...rest: unknown[]) {
    if (chunk) chunks.push(toBuffer(chunk, rest[0]));
    return (write as (...a: unknown[]) => boolean).apply(this, [chunk, ...rest]);
  } as Response['write'];
  res.end = function (this: Response, chunk?: unknown, ...rest: unknown[]) {
    if (chunk && typeof chunk !== 'function') chunks.push(toBuffer(chunk, rest[0]));
    const result = (end as (...a: unknown[]) => Response).apply(this, [chunk, ...rest]);
    onFinish(snapshot(res, Buffer.concat(chunks), keys));
    return result;
  } as Response['end'];
}

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  return Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
}

function snapshot(res: Response, body: Buffer, keys: ResponseKeys): StoredResponse {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = res.getHeader(name);
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return { status: res.statusCode, headers, body, keys: keys.values() };
}

/**
 * Whether a finished response may be shared: a 200 marked public with a positive max-age, no cookie,
 * and for GraphQL no errors (a transient failure must not be replayed).
 */
export function isShareable(response: StoredResponse, setsCookie: boolean): boolean {
  if (response.status !== 200 || setsCookie || response.keys.length === 0) return false;
  const cacheControl = response.headers['cache-control'] ?? '';
  if (!/\bpublic\b/.test(cacheControl) || /\b(private|no-store|no-cache)\b/.test(cacheControl)) return false;
  if (!/\bmax-age=[1-9]/.test(cacheControl)) return false;
  const type = response.headers['content-type'] ?? '';
  return !(type.includes('json') && hasGraphqlErrors(response.body));
}

function hasGraphqlErrors(body: Buffer): boolean {
  // A GraphQL response is one JSON object; "errors" appears as a top-level key only when there are
  // errors. A cheap scan first; parse only when the word occurs at all.
  if (!body.includes('"errors"')) return false;
  try {
    return 'errors' in (JSON.parse(body.toString()) as object);
  } catch {
    return true;
  }
}
