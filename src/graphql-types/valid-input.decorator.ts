import type { PipeTransform, Type } from '@nestjs/common';
import { Args, type ArgsOptions } from '@nestjs/graphql';
import type { GraphQLScalarType } from 'graphql';
import type { z } from 'zod';
import { parseInput } from '../common/parse-input.js';

export const VALID_INPUT = 'newsdesk:valid_input';

/**
 * What `@ValidInput`/`@ValidArgs` leave on their method, for the spec that checks each pair field by
 * field. `arg` is the argument's name; absent for a whole @ArgsType.
 */
export interface ValidInputRecord {
  arg?: string;
  schema: z.ZodType;
}

class ParseInputPipe implements PipeTransform {
  constructor(
    private readonly schema: z.ZodType,
    private readonly path: string[],
    private readonly keepUnnamed: boolean,
  ) {}

  transform(value: unknown): unknown {
    const parsed = parseInput(this.schema, value, this.path);
    // An @ArgsType's paging arguments (first, after, ...) are toPageRequest's to parse.
    return this.keepUnnamed ? { ...(value as object), ...(parsed as object) } : parsed;
  }
}

function recorded(args: ParameterDecorator, record: ValidInputRecord): ParameterDecorator {
  return (target, key, index) => {
    args(target, key, index);
    const method = key === undefined ? undefined : (target as Record<string | symbol, unknown>)[key];
    if (typeof method !== 'function') return;
    // The spec reads one record per operation; a second would go unchecked.
    if (Reflect.hasOwnMetadata(VALID_INPUT, method)) throw new Error(`${String(key)}: one @ValidInput or @ValidArgs per method`);
    Reflect.defineMetadata(VALID_INPUT, record, method);
  };
}

// The one way a resolver takes outside input: the @InputType class (or scalar) gives the SDL, the zod
// schema validates, and the resolver receives the parsed value; bad input is one BAD_USER_INPUT naming
// `input.<field>`. Pipes run after the guards, so @Requires still answers first.
// inputs-match-schemas.spec.ts fails when a type and its schema disagree on a field (both endpoints).
export function ValidInput(
  type: Type | GraphQLScalarType,
  schema: z.ZodType,
  options: Omit<ArgsOptions, 'type' | 'name'> & { arg?: string } = {},
): ParameterDecorator {
  const { arg = 'input', ...argsOptions } = options;
  const args = Args(arg, { ...argsOptions, type: () => type }, new ParseInputPipe(schema, [arg], false));
  return recorded(args, { arg, schema });
}

/** As ValidInput, for a whole @ArgsType: the schema parses the arguments it names, paging passes through. */
export function ValidArgs(type: Type, schema: z.ZodType): ParameterDecorator {
  return recorded(Args({ type: () => type }, new ParseInputPipe(schema, [], true)), { schema });
}
