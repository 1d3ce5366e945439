// The closed set of client-facing error codes. Features throw DomainError (or a subclass in their
// *.exception.ts); one formatter maps it to GraphQL extensions and REST responses.
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED';

export interface InputIssue {
  readonly path: string;
  readonly message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static badInput(issues: InputIssue[], message = 'Invalid input'): DomainError {
    const summary = issues.map((issue) => `${issue.path || '(input)'}: ${issue.message}`).join('; ');
    return new DomainError('BAD_USER_INPUT', `${message}: ${summary}`, { issues });
  }
}

export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};
