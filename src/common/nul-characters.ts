import type { InputIssue } from './domain-error.js';

// PostgreSQL cannot store U+0000 in text or jsonb: a NUL that reaches a query fails there, as a
// server error. Outside input is checked for it first, wherever it enters (parseInput, the GraphQL
// plugin, the feed routes), so it is refused as bad input instead.
export const NUL_MESSAGE = 'must not contain NUL (U+0000) characters';

// A hostile request could send thousands; a few are enough to tell the client.
const MAX_ISSUES = 10;

interface PathNode {
  readonly key: string;
  readonly parent: PathNode | null;
}

/** Every string (or object key) in `value` that holds a NUL, as issues with their paths. */
export function nulIssues(value: unknown, pathPrefix: string[] = []): InputIssue[] {
  const issues: InputIssue[] = [];
  const report = (at: PathNode | null) => issues.push({ path: [...pathPrefix, ...keysOf(at)].join('.'), message: NUL_MESSAGE });
  // Iterative, and paths are linked lists built only for an issue: deeply nested JSON (GraphQL
  // variables, body blocks) can neither overflow the stack nor cost more than one visit per value.
  const pending: [unknown, PathNode | null][] = [[value, null]];
  while (pending.length > 0 && issues.length < MAX_ISSUES) {
    const [current, at] = pending.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) report(at);
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => pending.push([item, { key: String(index), parent: at }]));
    } else if (isScannable(current)) {
      for (const [key, item] of Object.entries(current)) {
        const node = { key: key.replaceAll('\u0000', '\\u0000'), parent: at };
        if (key.includes('\u0000')) report(node);
        else pending.push([item, node]);
      }
    }
  }
  return issues.slice(0, MAX_ISSUES);
}

function keysOf(node: PathNode | null): string[] {
  const keys: string[] = [];
  for (let at = node; at; at = at.parent) keys.push(at.key);
  return keys.reverse();
}

export function containsNul(value: unknown): boolean {
  return nulIssues(value).length > 0;
}

// Plain records (null-prototype ones included: multer's form fields); not dates, buffers and the like.
function isScannable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && !ArrayBuffer.isView(value);
}
