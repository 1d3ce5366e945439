import type { ValidationRule } from 'graphql';
import { depthLimitRule } from './depth-limit.rule.js';
import { KnownOperationTypesRule } from './known-operation-types.rule.js';

/** The rules both endpoints add to graphql's standard ones. */
export function validationRules(maxDepth: number): ValidationRule[] {
  return [KnownOperationTypesRule, depthLimitRule(maxDepth)];
}
