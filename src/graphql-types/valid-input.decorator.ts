import type { PipeTransform, Type } from '@nestjs/common';
import { Args } from '@nestjs/graphql';
import type { z } from 'zod';
import { parseInput } from '../common/parse-input.js';

export const VALID_INPUT = 'newsdesk:valid_input';

/** What `@ValidInput` leaves on its method, for the spec that checks the pair field by field. */
export interface ValidInputRecord {
  arg: string;
  schema: z.ZodType;
}

class ParseInputPipe implements PipeTransform {
  constructor(
    private readonly schema: z.ZodType,
    private readonly arg: string,
  ) {}

  transform(value: unknown): unknown {
    return parseInput(this.schema, value, [this.arg]);
  }
}

// The one way a resolver takes an input argument: the @InputType class gives the SDL, the zod schema
// validates, and the resolver receives the parsed value (BAD_USER_INPUT naming `input.<field>` otherwise).
// Pipes run after the guards, so @Requires still answers before any input is judged.
// admin-inputs-match-schemas.spec.ts fails when a class and its schema disagree on a field.
export function ValidInput(
  type: Type,
  schema: z.ZodType,
  options: { nullable?: boolean; arg?: string } = {},
): ParameterDecorator {
  const arg = options.arg ?? 'input';
  const args = Args(arg, { type: () => type, ...(options.nullable ? { nullable: true } : {}) }, new ParseInputPipe(schema, arg));
  return (target, key, index) => {
    args(target, key, index);
    const method = key === undefined ? undefined : (target as Record<string | symbol, unknown>)[key];
    if (typeof method === 'function') Reflect.defineMetadata(VALID_INPUT, { arg, schema } satisfies ValidInputRecord, method);
  };
}
