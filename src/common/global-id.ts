import { z } from 'zod';
import { DomainError } from './domain-error.js';

// Relay-style opaque ids: "<Type>:<uuid>" in base64url, so node(id:) knows which table to read and an
// id of one type can never be mistaken for another's.
export type NodeType = 'Article' | 'Author' | 'Tag' | 'Section' | 'Series' | 'Image';

const NODE_TYPES: ReadonlySet<string> = new Set<NodeType>(['Article', 'Author', 'Tag', 'Section', 'Series', 'Image']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isNodeType(type: string): type is NodeType {
  return NODE_TYPES.has(type);
}

// Public reads encode the same few thousand ids (front-page articles, their authors and tags) on every
// request; each encoding costs a Buffer and two strings. Kept per type, and forgotten wholesale when a
// type's map is full, so a crawl of the archive cannot grow it.
const ENCODED_PER_TYPE = 5_000;
const encoded = new Map<NodeType, Map<string, string>>();

export function toGlobalId(type: NodeType, id: string): string {
  let ids = encoded.get(type);
  if (!ids) encoded.set(type, (ids = new Map()));
  let globalId = ids.get(id);
  if (globalId === undefined) {
    globalId = Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
    if (ids.size >= ENCODED_PER_TYPE) ids.clear();
    ids.set(id, globalId);
  }
  return globalId;
}

export function fromGlobalId(globalId: string): { type: NodeType; id: string } | null {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  const type = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (separator < 0 || !NODE_TYPES.has(type) || !UUID.test(id)) return null;
  return { type: type as NodeType, id };
}

/** Decodes an id that must be of one type; a malformed or foreign id is bad input. */
export function expectGlobalId(globalId: string, type: NodeType, path = 'id'): string {
  const parsed = fromGlobalId(globalId);
  if (!parsed || parsed.type !== type) {
    throw DomainError.badInput([{ path, message: `not a valid ${type} id` }]);
  }
  return parsed.id;
}

/** zod: a global id of one type, parsed to its database uuid (for input schemas). */
export function globalIdSchema(type: NodeType) {
  return z
    .string()
    .max(200)
    .transform((value, ctx) => {
      const parsed = fromGlobalId(value);
      if (parsed?.type === type) return parsed.id;
      ctx.addIssue({ code: 'custom', message: `not a valid ${type} id` });
      return z.NEVER;
    });
}
