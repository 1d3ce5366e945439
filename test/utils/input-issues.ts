import type { z } from 'zod';
import { DomainError } from '../../src/common/domain-error.js';
import { parseInput } from '../../src/common/parse-input.js';

/** The BAD_USER_INPUT issues ({ path, message }) parseInput reports for `value`; [] when it parses. */
export function inputIssuesOf(schema: z.ZodType, value: unknown): unknown {
  try {
    parseInput(schema, value);
  } catch (error) {
    if (error instanceof DomainError) return error.details['issues'];
    throw error;
  }
  return [];
}
