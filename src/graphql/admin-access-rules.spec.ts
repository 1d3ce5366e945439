import { Reflector } from '@nestjs/core';
import { ACCESS_RULE, type AccessRule } from '../access/requires.decorator.js';
import { adminOperations as adminRootFields, committedSchema } from '../../test/utils/resolver-operations.js';

// Logging in and refreshing a session are the only ways in; adding another needs a reason here.
const ANONYMOUS_OPERATIONS = ['login', 'logout', 'refreshSession'];

interface Operation {
  field: string;
  rule: AccessRule | undefined;
}

function adminOperations(): Operation[] {
  const reflector = new Reflector();
  return adminRootFields().map(({ field, method }) => ({ field, rule: reflector.get(ACCESS_RULE, method) }));
}

function committedRootFields(): string[] {
  const schema = committedSchema('admin');
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  return roots.flatMap((type) => Object.keys(type?.getFields() ?? {}));
}

describe('every admin operation declares who may use it', () => {
  const operations = adminOperations();

  it('finds every Query and Mutation field of the committed admin schema', () => {
    expect(operations.map((operation) => operation.field).sort()).toEqual(committedRootFields().sort());
  });

  it('has @Requires or @AllowAnonymous on each', () => {
    expect(operations.filter((operation) => !operation.rule).map((operation) => operation.field)).toEqual([]);
  });

  it('lets only the credential operations run without a login', () => {
    const anonymous = operations.filter((operation) => operation.rule?.kind === 'anonymous').map((operation) => operation.field);
    expect(anonymous.sort()).toEqual(ANONYMOUS_OPERATIONS);
  });
});
