import { DomainError } from '../../common/domain-error.js';

// Keyset cursors: the sort key values of an edge, JSON-encoded and base64url'd. Opaque to clients,
// and decoding validates the shape so a forged cursor is bad input rather than a SQL error.
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, shape: readonly ('string' | 'number')[], path: string): (string | number)[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  const valid =
    Array.isArray(values) &&
    values.length === shape.length &&
    values.every((value, index) => typeof value === shape[index] && (typeof value !== 'number' || Number.isFinite(value)));
  if (!valid) throw DomainError.badInput([{ path, message: 'is not a valid cursor' }]);
  return values as (string | number)[];
}
