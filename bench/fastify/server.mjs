// Measurement prototype for issue 9 §3, not a way to run Newsdesk: the built app (dist/) booted on
// Fastify (@nestjs/platform-fastify, Apollo's @as-integrations/fastify through @nestjs/apollo)
// instead of Express, with the same middleware chain as src/app.factory.ts in front of /graphql
// (request logging, CORS, HTTP metrics, response cache, ETag/304) so that `bench` compares the HTTP
// layer, not a shorter pipeline. The app's middlewares are written for Express; the small shims
// below give Fastify's raw req/res the few Express members they use. What it leaves out (Studio,
// GraphiQL, trust proxy) is not on scenario A's path. Run by bench/run.ts as app-fastify-* (opt-in):
//   npm install --no-save @nestjs/platform-fastify@12.5.0 @as-integrations/fastify@3.1.0
//   npm run bench -- --quick --scenarios A --configs limit,app-no-cache,app-fastify-no-cache,app-cache,app-fastify-cache
// Findings and figures: BENCHMARKS.md, "Stack measurements (issue 9 §3)".
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { loadConfig } from '../../dist/config/app-config.js';
import { resolveAppKeys } from '../../dist/config/app-secret.js';
import { AppModule } from '../../dist/app.module.js';
import { ResponseCacheMiddleware } from '../../dist/cache/response-cache.middleware.js';
import { corsMiddleware } from '../../dist/common/http/cors.middleware.js';
import { isNotModified, strongEtag } from '../../dist/common/http/conditional-get.js';
import { DatabaseConnection } from '../../dist/database/database-connection.js';
import { PUBLIC_GRAPHQL_PATH } from '../../dist/graphql/public-graphql.module.js';
import { createLogger } from '../../dist/logging/logger.js';
import { PinoNestLogger } from '../../dist/logging/pino-nest-logger.js';
import { requestLoggingMiddleware } from '../../dist/logging/request-logging.middleware.js';
import { HttpRequestMetrics } from '../../dist/metrics/http-request.metrics.js';
import { MetricsRegistry } from '../../dist/metrics/metrics.registry.js';

// What the response cache and CORS read and call on Express's req/res (cacheable-request.ts,
// response-cache.middleware.ts), on Node's own objects.
function expressShim(req, res, next) {
  const url = new URL(req.url, 'http://shim.invalid');
  req.originalUrl ??= req.url;
  req.path = url.pathname;
  req.query = Object.fromEntries(url.searchParams);
  res.status = (code) => ((res.statusCode = code), res);
  res.vary = (value) => {
    const current = res.getHeader('Vary');
    res.setHeader('Vary', current ? `${current}, ${value}` : value);
    return res;
  };
  next();
}

async function main() {
  const config = loadConfig(process.env);
  const logger = createLogger(config);
  const connection = await DatabaseConnection.open(config, logger, {});
  const keys = resolveAppKeys(config, logger);
  const adapter = new FastifyAdapter();
  const fastify = adapter.getInstance();
  // The public context reads `{ req }` (public-graphql.module.ts); Fastify hands Apollo its own
  // request, so `req` is the raw request the middlewares above saw (ResponseKeys are attached to it).
  fastify.decorateRequest('req', {
    getter() {
      return this.raw;
    },
  });
  // Routes find-my-way refuses (Express 5 path syntax) are left out and listed in the log: one of the
  // things a switch would have to port.
  const route = fastify.route.bind(fastify);
  fastify.route = (options) => {
    try {
      return route(options);
    } catch (error) {
      logger.warn(`Fastify prototype: route ${options.method} ${options.url} left out: ${error.message}`);
      return fastify;
    }
  };
  const app = await NestFactory.create(AppModule.register(config, keys, logger, connection, undefined), adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  app.use(expressShim);
  app.use(requestLoggingMiddleware(logger));
  app.use(corsMiddleware(config.cors));
  if (config.metricsEnabled) app.use(app.get(HttpRequestMetrics).middleware);
  app.use(app.get(ResponseCacheMiddleware).handle);
  // MetricsController answers with Express's res.send, and every controller route passes the
  // AuthorizationGuard (req.path) and the exception filter (res.status().json), Express-only:
  // /metrics (the bench's statement counter) and /health/ready (its start probe) are answered here.
  const registry = app.get(MetricsRegistry).registry;
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.url === '/health/ready') return reply.send({ status: 'ok' });
    if (request.url !== '/metrics') return;
    reply.header('Content-Type', registry.contentType).header('Cache-Control', 'no-store');
    return reply.send(await registry.metrics());
  });
  // graphqlConditionalGet, as a Fastify hook: Fastify never calls res.send.
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' || !request.url.startsWith(PUBLIC_GRAPHQL_PATH) || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    reply.header('ETag', strongEtag(payload));
    reply.raw.setHeader('ETag', reply.getHeader('ETag'));
    if (!isNotModified(request.raw, reply.raw)) return payload;
    reply.code(304);
    return '';
  });
  app.enableShutdownHooks();
  await app.init();
  await app.listen(config.http.port, config.http.host);
  logger.warn(`Newsdesk on Fastify (bench prototype) at http://${config.http.host}:${config.http.port}/graphql`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
