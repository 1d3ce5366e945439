import type { z } from 'zod';
import { DomainError, type InputIssue } from './domain-error.js';
import { nulIssues } from './nul-characters.js';

// The one way outside input is validated: zod parses, and every bad field comes back in a single
// BAD_USER_INPUT error with its path and reason. NUL characters are refused in any string first,
// whatever the schema says (PostgreSQL cannot store them).
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, pathPrefix: string[] = []): z.output<S> {
  const nul = nulIssues(value, pathPrefix);
  if (nul.length > 0) throw DomainError.badInput(nul);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues: InputIssue[] = result.error.issues.map((issue) => ({
    path: [...pathPrefix, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw DomainError.badInput(issues);
}
