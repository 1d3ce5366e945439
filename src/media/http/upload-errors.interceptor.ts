import {
  BadRequestException,
  Inject,
  Injectable,
  PayloadTooLargeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { catchError, throwError } from 'rxjs';
import { DomainError } from '../../common/domain-error.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AuthenticatedRequest } from '../../access/request-actor.js';

// Put before FileInterceptor: gives multer's refusals the shape of every other API error. An oversized
// file becomes a 413 naming the limit (multer stops reading at the limit and keeps nothing); a
// malformed form (a second file, an unexpected file field, a broken multipart body) is bad input.
@Injectable()
export class UploadErrorsInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(context: ExecutionContext, next: CallHandler) {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    return next.handle().pipe(catchError((error: unknown) => throwError(() => this.translate(error, req))));
  }

  private translate(error: unknown, req: AuthenticatedRequest): unknown {
    if (error instanceof PayloadTooLargeException) {
      const maxBytes = this.config.media.maxBytes;
      return new PayloadTooLargeException(
        {
          error: {
            code: 'PAYLOAD_TOO_LARGE',
            message: `The file is larger than the upload limit of ${formatBytes(maxBytes)}`,
            maxBytes,
            requestId: req.id === undefined ? undefined : String(req.id),
          },
        },
        { cause: error },
      );
    }
    // Only multer's own refusals carry its error as the cause; the route's errors pass untouched.
    if (error instanceof BadRequestException && error.cause instanceof Error) {
      const field = (error.cause as { field?: unknown }).field;
      return DomainError.badInput(
        [{ path: typeof field === 'string' ? field : 'file', message: error.cause.message }],
        'Bad upload',
      );
    }
    return error;
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MB (${bytes} bytes)`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB (${bytes} bytes)`;
  return `${bytes} bytes`;
}
