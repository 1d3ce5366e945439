import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedTarget } from './webhook-target.js';

export interface WebhookRequest {
  readonly url: URL;
  /** The address checked for this attempt: the connection goes there, whatever DNS says now. */
  readonly target: ResolvedTarget;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly timeoutMs: number;
}

export interface WebhookResponse {
  readonly statusCode: number;
  /** The start of the response body, for the delivery log. */
  readonly excerpt: string;
}

const EXCERPT_BYTES = 500;

// POSTs one delivery. Redirects are not followed (a 3xx is a failure): following one would reach a
// host nobody checked. Network errors and the timeout reject.
export function sendWebhook(request: WebhookRequest): Promise<WebhookResponse> {
  const { url, target } = request;
  // Host header and TLS SNI keep using the URL's name; only the address lookup is pinned.
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<WebhookResponse>((resolve, reject) => {
    const req = client.request(url, {
      method: 'POST',
      headers: { ...request.headers, 'Content-Length': Buffer.byteLength(request.body) },
      lookup,
    });
    // The whole exchange, not just socket idleness: a receiver trickling bytes must not hold a worker.
    const timer = setTimeout(() => req.destroy(new Error(`No response within ${request.timeoutMs} ms`)), request.timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    req.on('error', fail);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size < EXCERPT_BYTES) chunks.push(chunk);
        size += chunk.length;
      });
      res.on('error', fail);
      res.on('end', () => {
        clearTimeout(timer);
        const excerpt = Buffer.concat(chunks).toString('utf8').slice(0, EXCERPT_BYTES);
        resolve({ statusCode: res.statusCode ?? 0, excerpt });
      });
    });
    req.end(request.body);
  });
}
