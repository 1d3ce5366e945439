import { readFileSync } from 'node:fs';
import { MODULE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import { Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';
import { ACCESS_RULE, type AccessRule } from '../access/requires.decorator.js';
import { ADMIN_FEATURE_MODULES } from '../app.module.js';

// @nestjs/graphql keeps these on each @Query/@Mutation method; the constants are not exported.
const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';
const RESOLVER_NAME_METADATA = 'graphql:resolver_name';
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

// Logging in and refreshing a session are the only ways in; adding another needs a reason here.
const ANONYMOUS_OPERATIONS = ['login', 'logout', 'refreshSession'];

interface Operation {
  field: string;
  rule: AccessRule | undefined;
}

// Every root field the admin resolvers declare, with the access rule of its method; inherited
// methods (the taxonomy resolvers' generic host) included.
function adminOperations(): Operation[] {
  const reflector = new Reflector();
  const operations: Operation[] = [];
  for (const module of ADMIN_FEATURE_MODULES) {
    const providers = (Reflect.getMetadata(MODULE_METADATA.PROVIDERS, module) ?? []) as unknown[];
    for (const provider of providers.filter((p): p is abstract new () => object => typeof p === 'function')) {
      for (
        let proto = provider.prototype as object | null;
        proto && proto !== Object.prototype;
        proto = Object.getPrototypeOf(proto)
      ) {
        for (const name of Object.getOwnPropertyNames(proto)) {
          const method = Object.getOwnPropertyDescriptor(proto, name)?.value as unknown;
          if (typeof method !== 'function' || !ROOT_TYPES.has(Reflect.getMetadata(RESOLVER_TYPE_METADATA, method))) continue;
          const field = (Reflect.getMetadata(RESOLVER_NAME_METADATA, method) as string | undefined) ?? name;
          operations.push({ field, rule: reflector.get(ACCESS_RULE, method as () => unknown) });
        }
      }
    }
  }
  return operations;
}

function committedRootFields(): string[] {
  const document = parse(readFileSync(new URL('../../schema/admin.graphql', import.meta.url), 'utf8'));
  return document.definitions
    .filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && ROOT_TYPES.has(d.name.value))
    .flatMap((type) => (type.fields ?? []).map((field) => field.name.value));
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
