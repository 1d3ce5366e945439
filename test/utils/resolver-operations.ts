import { readFileSync } from 'node:fs';
import { MODULE_METADATA } from '@nestjs/common/constants.js';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { ADMIN_FEATURE_MODULES, PublicApiModule } from '../../src/app.module.js';

// @nestjs/graphql keeps these on each @Query/@Mutation method; the constants are not exported.
const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';
const RESOLVER_NAME_METADATA = 'graphql:resolver_name';
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

export interface ResolverOperation {
  /** Query, Mutation or Subscription. */
  root: string;
  field: string;
  method: () => unknown;
}

/** Every root field the admin resolvers declare. */
export function adminOperations(): ResolverOperation[] {
  return operationsOf(ADMIN_FEATURE_MODULES);
}

/** Every root field the public resolvers declare (PublicApiModule's providers). */
export function publicOperations(): ResolverOperation[] {
  return operationsOf([PublicApiModule]);
}

// Every root field the modules' resolvers declare, with its method; inherited methods (the taxonomy
// resolvers' generic host) included. Specs read the methods' metadata (access rules, input schemas).
function operationsOf(modules: readonly object[]): ResolverOperation[] {
  const operations: ResolverOperation[] = [];
  for (const module of modules) {
    const providers = (Reflect.getMetadata(MODULE_METADATA.PROVIDERS, module) ?? []) as unknown[];
    for (const provider of providers.filter((p): p is abstract new () => object => typeof p === 'function')) {
      for (
        let proto = provider.prototype as object | null;
        proto && proto !== Object.prototype;
        proto = Object.getPrototypeOf(proto)
      ) {
        for (const name of Object.getOwnPropertyNames(proto)) {
          const method = Object.getOwnPropertyDescriptor(proto, name)?.value as unknown;
          if (typeof method !== 'function') continue;
          const root = Reflect.getMetadata(RESOLVER_TYPE_METADATA, method) as string | undefined;
          if (!root || !ROOT_TYPES.has(root)) continue;
          const field = (Reflect.getMetadata(RESOLVER_NAME_METADATA, method) as string | undefined) ?? name;
          operations.push({ root, field, method: method as () => unknown });
        }
      }
    }
  }
  return operations;
}

/** schema/<endpoint>.graphql, which the schema snapshot spec keeps equal to the built schema. */
export function committedSchema(endpoint: 'public' | 'admin'): GraphQLSchema {
  return buildSchema(readFileSync(new URL(`../../schema/${endpoint}.graphql`, import.meta.url), 'utf8'));
}
