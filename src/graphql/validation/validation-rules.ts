import type { ValidationRule } from 'graphql';
import { depthLimitRule } from './depth-limit.rule.js';

/** The rules both endpoints add to graphql's standard ones. */
export function validationRules(maxDepth: number): ValidationRule[] {
  return [depthLimitRule(maxDepth)];
}
