import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Histogram } from 'prom-client';
import { MetricsRegistry } from './metrics.registry.js';

// Answered before any route matched (the response cache, the GraphQL endpoints' own middleware):
// labelled by their mount point, so the label set stays small whatever paths clients send.
const MOUNTS = ['/graphql', '/admin/graphql', '/feeds', '/sitemaps', '/sitemap.xml', '/media', '/syndication', '/newsletter'];

export function routeLabel(req: Request, status: number): string {
  if (req.route?.path) return `${req.baseUrl}${String(req.route.path)}`;
  const path = (req.originalUrl ?? req.url).split('?')[0]!;
  const mount = MOUNTS.find((prefix) => path === prefix || path.startsWith(`${prefix}/`));
  if (mount) return path === mount ? mount : `${mount}/*`;
  return status === 404 ? '(unmatched)' : '(other)';
}

// newsdesk_http_requests_total and newsdesk_http_request_duration_seconds by method, route pattern
// and status, measured from the first middleware to the last byte.
@Injectable()
export class HttpRequestMetrics {
  private readonly duration: Histogram<'method' | 'route' | 'status'>;
  private readonly requests: Counter<'method' | 'route' | 'status'>;

  constructor(metrics: MetricsRegistry) {
    const labelNames = ['method', 'route', 'status'] as const;
    this.requests = new Counter({
      name: 'newsdesk_http_requests_total',
      help: 'HTTP requests answered',
      labelNames,
      registers: [metrics.registry],
    });
    this.duration = new Histogram({
      name: 'newsdesk_http_request_duration_seconds',
      help: 'Time from receiving an HTTP request to sending the last byte of its answer',
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [metrics.registry],
    });
  }

  readonly middleware = (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const labels = { method: req.method, route: routeLabel(req, res.statusCode), status: String(res.statusCode) };
      this.requests.inc(labels);
      this.duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}
