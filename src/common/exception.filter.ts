import { Catch, HttpException, Inject, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { LOGGER } from '../logging/logging.module.js';
import { redactUrl } from '../logging/redact-url.js';
import { DomainError, HTTP_STATUS_BY_CODE } from './domain-error.js';

type HttpRequest = Request & { id?: unknown };

// The one exception filter of the app.
// - GraphQL: hands every resolver error to Apollo unchanged. Without it Nest logs each one as an
//   unhandled exception, domain errors included; format-error.ts maps them, and the request-id plugin
//   logs only the unexpected ones.
// - REST: a DomainError becomes { error: { code, message, ...details, requestId } } with its status;
//   Nest's HttpExceptions (404 for unknown routes, multer's limits...) keep Nest's own rendering; and
//   anything else is logged here and answered with an opaque 500 that carries only the request id.
@Catch()
export class AppExceptionFilter extends BaseExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {
    super();
  }

  override catch(exception: unknown, host: ArgumentsHost) {
    const type = host.getType<string>();
    if (type === 'graphql') return exception;
    if (type !== 'http') throw exception;
    const http = host.switchToHttp();
    const req = http.getRequest<HttpRequest>();
    const res = http.getResponse<Response>();
    const requestId = req.id === undefined ? undefined : String(req.id);
    if (exception instanceof DomainError) {
      const { code, message, details } = exception;
      return this.reply(res, HTTP_STATUS_BY_CODE[code], { code, message, ...details, requestId });
    }
    if (exception instanceof HttpException || this.isHttpError(exception)) return super.catch(exception, host);
    this.logger.error({ err: exception, requestId, method: req.method, url: redactUrl(req.originalUrl) }, 'Request failed');
    return this.reply(res, 500, {
      code: 'INTERNAL_SERVER_ERROR',
      message: 'Internal server error: quote the request id when reporting it',
      requestId,
    });
  }

  private reply(res: Response, status: number, error: Record<string, unknown>) {
    // A response already under way (e.g. a file half sent) can only be cut short.
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(status).json({ error });
  }
}
