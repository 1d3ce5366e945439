import { CombinedGraphQLErrors } from '@apollo/client';
import { SessionError } from './session';

export interface ApiError {
  code: string;
  message: string;
  extensions: Record<string, unknown>;
}

/** The first GraphQL error of a failed request, with its Newsdesk code (FORBIDDEN, CONFLICT...). */
export function apiErrorOf(error: unknown): ApiError | null {
  if (!error) return null;
  if (error instanceof SessionError) return { code: error.code, message: error.message, extensions: {} };
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const extensions = (first?.extensions ?? {}) as Record<string, unknown>;
    return { code: String(extensions.code ?? 'INTERNAL_SERVER_ERROR'), message: first?.message ?? error.message, extensions };
  }
  return { code: 'NETWORK', message: error instanceof Error ? error.message : String(error), extensions: {} };
}

const EXPLANATIONS: Record<string, string> = {
  FORBIDDEN: 'Not allowed',
  CONFLICT: 'Conflict',
  BAD_USER_INPUT: 'Please check',
  NOT_FOUND: 'Not found',
  UNAUTHENTICATED: 'Signed out',
  RATE_LIMITED: 'Too many attempts',
};

/** One line for a person: "Not allowed (FORBIDDEN): Your role (contributor) may not publish…". */
export function describeError(error: unknown): string {
  const api = apiErrorOf(error);
  if (!api) return '';
  const issues = (api.extensions.issues as { path: string; message: string }[] | undefined) ?? [];
  const details = issues.length ? ` ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}` : '';
  return `${EXPLANATIONS[api.code] ?? 'Error'} (${api.code}): ${api.message}${details}`;
}
