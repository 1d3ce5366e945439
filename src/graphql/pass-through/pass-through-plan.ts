import {
  BREAK,
  getNamedType,
  getOperationAST,
  GraphQLEnumType,
  GraphQLList,
  GraphQLObjectType,
  GraphQLScalarType,
  isListType,
  isNonNullType,
  Kind,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { Shape, ShapedField } from '../../database/projection/shaped-json.js';
import type { PassThroughField, PassThroughRegistry } from '../../graphql-types/pass-through-registry.js';

// Which documents the pass-through answers, decided once per document and operation: a query whose
// one data root field a feature registered, and whose every field PostgreSQL writes exactly as
// graphql-js would complete it. Anything else, or anything unsure, is "not compilable" and runs as
// before: directives (never evaluated here), fragments on other types than the object's own,
// fields with a resolver or arguments (unless a feature registered that field: registerField), and
// leaves whose serialisation JSON text may not reproduce.
// A connection's edges and pageInfo are plain objects to it: the root field's accepts() decides
// whether it can write that shape (database/projection/shaped-connection.ts reads one).

/** A root key of the response: Query's name, or a registered field with its value's shape. */
export type RootEntry =
  | { readonly key: string; readonly typename: string }
  | {
      readonly key: string;
      readonly field: GraphQLField<unknown, unknown>;
      readonly node: FieldNode;
      readonly shape: Shape;
      readonly read: PassThroughField;
      /** The registered fields with arguments inside `shape`, whose arguments are coerced per request. */
      readonly argumentFields: readonly ArgumentField[];
    };

export interface ArgumentField {
  readonly entry: ShapedField;
  readonly field: GraphQLField<unknown, unknown>;
  readonly node: FieldNode;
}

interface Planning {
  readonly fragments: Fragments;
  readonly registry: PassThroughRegistry;
  readonly argumentFields: ArgumentField[];
}

export interface PassThroughPlan {
  readonly roots: readonly RootEntry[];
}

// Leaves whose value PostgreSQL's to_json writes as JSON.stringify writes what graphql-js returns:
// strings as stored, integers, booleans; DateTime values are ISO strings already (newsdesk_iso_time).
// Float (exponent notation differs) and JSON (jsonb puts spaces in) are not among them.
const PLAIN_SCALARS = new Set(['String', 'Int', 'Boolean', 'DateTime']);

type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

export function compilePlan(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  registry: PassThroughRegistry,
): PassThroughPlan | null {
  const operation = getOperationAST(document, operationName);
  const query = schema.getQueryType();
  if (!operation || operation.operation !== 'query' || !query || hasDirectives(document)) return null;
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const grouped = collectFields([operation.selectionSet], query, fragments);
  if (!grouped) return null;
  const roots: RootEntry[] = [];
  for (const [key, nodes] of grouped) {
    const name = nodes[0].name.value;
    if (name === '__typename') {
      roots.push({ key, typename: query.name });
      continue;
    }
    const read = registry.get(name);
    const field = query.getFields()[name];
    if (!read || !field) return null;
    const planning: Planning = { fragments, registry, argumentFields: [] };
    const shape = shapeOf(field.type, nodes, planning);
    if (!shape || !read.accepts(shape)) return null;
    roots.push({ key, field, node: nodes[0], shape, read, argumentFields: planning.argumentFields });
  }
  // Two reads would tag the response's keys in the order their statements finish: one per response.
  return roots.filter((root) => 'read' in root).length === 1 ? { roots } : null;
}

function hasDirectives(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive() {
      found = true;
      return BREAK;
    },
  });
  return found;
}

// graphql-js's CollectFields for one object type: response keys in first-appearance order, a named
// fragment once; null when a fragment is on another type (an interface, a union member).
function collectFields(
  selectionSets: readonly SelectionSetNode[],
  type: GraphQLObjectType,
  fragments: Fragments,
): Map<string, FieldNode[]> | null {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const collect = (selectionSet: SelectionSetNode): boolean => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = (selection.alias ?? selection.name).value;
        fields.set(key, [...(fields.get(key) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (selection.typeCondition && selection.typeCondition.name.value !== type.name) return false;
        if (!collect(selection.selectionSet)) return false;
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (!fragment || fragment.typeCondition.name.value !== type.name || !collect(fragment.selectionSet)) return false;
      }
    }
    return true;
  };
  for (const selectionSet of selectionSets) if (!collect(selectionSet)) return null;
  return fields;
}

/** The shape of an object (or list of objects) value asked for by `nodes`, or null if not writable. */
function shapeOf(type: GraphQLOutputType, nodes: readonly FieldNode[], planning: Planning): Shape | null {
  const object = getNamedType(type);
  if (!(object instanceof GraphQLObjectType) || nestedLists(type) > 1) return null;
  const selectionSets = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  const grouped = collectFields(selectionSets, object, planning.fragments);
  if (!grouped) return null;
  const fields: ShapedField[] = [];
  // Cache keys follow the merged selection: a relation under two response keys would tag them in another order.
  const objectFields = new Set<string>();
  for (const [key, fieldNodes] of grouped) {
    const name = fieldNodes[0].name.value;
    if (name === '__typename') {
      fields.push({ key, typename: object.name });
      continue;
    }
    const field = object.getFields()[name];
    if (!field) return null;
    const withArguments = withArgumentsOf(object, field, fieldNodes, planning.registry);
    if (withArguments === null) return null;
    let shape: Shape | null = null;
    if (getNamedType(field.type) instanceof GraphQLObjectType) {
      if (objectFields.has(name)) return null;
      objectFields.add(name);
      shape = shapeOf(field.type, fieldNodes, planning);
      if (!shape) return null;
    } else if (!plainLeaf(field, name)) {
      return null;
    }
    const entry: ShapedField = { key, field: name, ...(shape && { shape }), ...(withArguments && { withArguments }) };
    fields.push(entry);
    if (withArguments) planning.argumentFields.push({ entry, field, node: fieldNodes[0] });
  }
  return { fields };
}

// How a field goes into a shape: a plain property (false), a registered field whose arguments its
// feature reads (true), or not at all (null): code of its own that nobody registered, or arguments
// given to a field registered to be written only without them.
function withArgumentsOf(
  object: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
  nodes: readonly FieldNode[],
  registry: PassThroughRegistry,
): true | false | null {
  const given = nodes.some((node) => node.arguments?.length);
  if (readsProperty(field) && !given) return false;
  const registered = registry.fieldOf(object.name, field.name);
  if (!registered || (given && !registered.arguments)) return null;
  return registered.arguments;
}

// Nest gives every code-first field a resolver: a plain property's is its rootFieldResolver (the
// property, else the field's defaultValue, which a shaped row never needs: every key is present).
// Anything else, a @ResolveField or field middleware, runs code the pass-through would skip.
function readsProperty(field: GraphQLField<unknown, unknown>): boolean {
  return field.resolve === undefined || field.resolve.name === 'rootFieldResolver';
}

function plainLeaf(field: GraphQLField<unknown, unknown>, name: string): boolean {
  const leaf = getNamedType(field.type);
  if (nestedLists(field.type) > 0) return false;
  if (leaf instanceof GraphQLEnumType) return leaf.getValues().every((value) => value.value === value.name);
  if (!(leaf instanceof GraphQLScalarType)) return false;
  // An ID is the object's Relay id, written in SQL; no other ID field is known to be one.
  if (leaf.name === 'ID') return name === 'id';
  return PLAIN_SCALARS.has(leaf.name);
}

function nestedLists(type: GraphQLOutputType): number {
  let lists = 0;
  let current: GraphQLOutputType = type;
  while (isNonNullType(current) || isListType(current)) {
    if (current instanceof GraphQLList) lists += 1;
    current = current.ofType as GraphQLOutputType;
  }
  return lists;
}
