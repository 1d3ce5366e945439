import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import { Selection } from '../database/projection/selection.js';

// The fields a resolver's caller asked for, as a Selection the data layer understands: fragments,
// inline fragments, aliases and @skip/@include are resolved by graphql-parse-resolve-info (the
// library PostGraphile uses for the same job). `path` walks into wrappers, e.g. ['edges', 'node'] of
// a connection. Fields of every possible type are merged: a projection ignores names it lacks.
export function selectionOf(info: GraphQLResolveInfo, ...path: string[]): Selection {
  const root = parseResolveInfo(info) as ResolveTree | null | undefined;
  let trees = root ? [root] : [];
  for (const name of path) trees = trees.flatMap((tree) => childrenNamed(tree, name));
  return trees.map(toSelection).reduce((merged, next) => merged.merge(next), Selection.EMPTY);
}

function childrenNamed(tree: ResolveTree, name: string): ResolveTree[] {
  return Object.values(tree.fieldsByTypeName).flatMap((fields) => Object.values(fields).filter((field) => field.name === name));
}

function toSelection(tree: ResolveTree): Selection {
  const fields = new Set<string>();
  const children: Record<string, Selection> = {};
  for (const byAlias of Object.values(tree.fieldsByTypeName)) {
    for (const field of Object.values(byAlias)) {
      fields.add(field.name);
      if (Object.keys(field.fieldsByTypeName).length === 0) continue;
      const child = toSelection(field);
      children[field.name] = children[field.name]?.merge(child) ?? child;
    }
  }
  return Selection.of(fields, children);
}
