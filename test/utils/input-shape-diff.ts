import {
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';
import type { z } from 'zod';

interface Unwrapped {
  optional: boolean;
  core: z.ZodType;
}

// Strips what does not change the shape a client sends: optional/nullable/default wrappers, and the
// output side of transforms and pipes (the client sends the input side).
function unwrap(schema: z.ZodType): Unwrapped {
  let optional = false;
  // `.required()` wraps an optional field in nonoptional: whatever lies inside, it must be sent.
  let required = false;
  let current = schema;
  for (;;) {
    const def = current._zod.def as unknown as { type: string; innerType?: z.ZodType; in?: z.ZodType; getter?: () => z.ZodType };
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default' || def.type === 'prefault') {
      optional ||= def.type !== 'nullable' && !required;
      current = def.innerType!;
    } else if (def.type === 'nonoptional') {
      required = !optional;
      current = def.innerType!;
    } else if (def.type === 'readonly' || def.type === 'catch') current = def.innerType!;
    else if (def.type === 'pipe') current = def.in!;
    else if (def.type === 'lazy') current = def.getter!();
    else return { optional, core: current };
  }
}

// The zod types a GraphQL scalar can carry; an enum may arrive as a plain String (webhook events).
const SCALAR_KINDS: Record<string, string[]> = {
  String: ['string', 'enum', 'literal'],
  ID: ['string'],
  Int: ['number', 'int'],
  Float: ['number'],
  Boolean: ['boolean'],
  DateTime: ['date'],
};

/**
 * Where a GraphQL input type and the zod schema that validates it disagree: a field in one and not
 * the other, list-ness, nullability (nullable in GraphQL exactly when zod lets the field be left
 * out), scalar kind or enum values. Empty when they agree.
 */
export function inputShapeDiff(type: GraphQLInputType, schema: z.ZodType, path: string): string[] {
  const { optional, core } = unwrap(schema);
  const issues: string[] = [];
  if (isNonNullType(type) === optional) {
    issues.push(
      `${path}: GraphQL says ${isNonNullType(type) ? 'required' : 'nullable'}, zod says ${optional ? 'optional' : 'required'}`,
    );
  }
  const graphql = getNullableType(type);
  const kind = (core._zod.def as { type: string }).type;
  // A JSON argument (an article body) is any value to GraphQL; its shape is zod's alone.
  if (isScalarType(graphql) && graphql.name === 'JSON') return issues;
  if (isListType(graphql) || kind === 'array') {
    if (!isListType(graphql) || kind !== 'array') return [...issues, `${path}: a list in only one of GraphQL and zod`];
    const element = (core._zod.def as unknown as { element: z.ZodType }).element;
    return [...issues, ...inputShapeDiff(graphql.ofType as GraphQLInputType, element, `${path}[]`)];
  }
  if (isInputObjectType(graphql)) {
    if (kind !== 'object') return [...issues, `${path}: GraphQL ${graphql.name} is an input object, zod a ${kind}`];
    const shape = (core._zod.def as unknown as { shape: Record<string, z.ZodType> }).shape;
    const fields = graphql.getFields();
    for (const name of Object.keys(fields).filter((name) => !(name in shape))) issues.push(`${path}.${name}: only in GraphQL`);
    for (const name of Object.keys(shape).filter((name) => !(name in fields))) issues.push(`${path}.${name}: only in zod`);
    for (const name of Object.keys(fields).filter((name) => name in shape)) {
      issues.push(...inputShapeDiff(fields[name]!.type, shape[name]!, `${path}.${name}`));
    }
    return issues;
  }
  if (isEnumType(graphql)) {
    if (kind !== 'enum') return [...issues, `${path}: GraphQL enum ${graphql.name}, zod a ${kind}`];
    const values = Object.values((core._zod.def as unknown as { entries: Record<string, string> }).entries).sort();
    const names = graphql
      .getValues()
      .map((value) => value.name)
      .sort();
    if (values.join() !== names.join()) issues.push(`${path}: enum values ${names.join()} vs zod ${values.join()}`);
    return issues;
  }
  if (isScalarType(graphql) && !(SCALAR_KINDS[graphql.name] ?? []).includes(kind)) {
    issues.push(`${path}: GraphQL ${graphql.name}, zod a ${kind}`);
  }
  return issues;
}
