import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  rawBody: string;
  body: any;
}

// A real HTTP receiver on 127.0.0.1, as a subscriber would run one. It answers with the queued
// status codes in turn, then with `fallbackStatus`.
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  fallbackStatus = 200;
  private readonly statuses: number[] = [];

  private readonly server: Server;
  url = '';

  private constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const rawBody = Buffer.concat(chunks).toString('utf8');
        this.received.push({ headers: req.headers, rawBody, body: JSON.parse(rawBody) });
        res.writeHead(this.statuses.shift() ?? this.fallbackStatus, { 'content-type': 'text/plain' }).end('ack');
      });
    });
  }

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.server.address() as AddressInfo;
    receiver.url = `http://127.0.0.1:${port}/hooks/newsdesk`;
    return receiver;
  }

  /** The next answers, e.g. [500, 500] before the fallback. */
  respondWith(...statuses: number[]): void {
    this.statuses.push(...statuses);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }
}

/** What a subscriber does: recompute the HMAC over "<t>.<raw body>" and compare in constant time. */
export function verifySignature(secret: string, header: string, rawBody: string): { valid: boolean; timestamp: number } {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const timestamp = Number(parts.t);
  const expected = createHmac('sha256', secret).update(`${parts.t}.${rawBody}`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return { valid: given.length === expected.length && timingSafeEqual(given, expected), timestamp };
}
