import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';

// Hands every resolver error to Apollo unchanged. Without it Nest logs each one as an unhandled
// exception, domain errors (bad input, forbidden) included; format-error.ts maps them, and the
// request-id plugin logs only the unexpected ones.
@Catch()
export class GraphqlExceptionFilter implements GqlExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<string>() !== 'graphql') throw exception;
    return exception;
  }
}
