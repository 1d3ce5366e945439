import depthLimit from 'graphql-depth-limit';
import { KnownFragmentNamesRule, NoFragmentCyclesRule, validate, type ValidationRule } from 'graphql';

// graphql-depth-limit measures the document as soon as validation starts, following every fragment
// spread: a fragment cycle recursed until the stack overflowed (a 500) and an unknown fragment threw,
// before graphql's own rules could report either. Such documents are left to those rules (which
// graphql runs in the same pass and which answer 400); the depth is measured only on sound ones.
export function depthLimitRule(maxDepth: number): ValidationRule {
  const measureDepth = depthLimit(maxDepth);
  return (context) => {
    const fragmentErrors = validate(context.getSchema(), context.getDocument(), [NoFragmentCyclesRule, KnownFragmentNamesRule]);
    return fragmentErrors.length > 0 ? {} : measureDepth(context);
  };
}
