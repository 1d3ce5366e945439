import { Keyset } from '../../common/pagination/keyset.js';

// A change feed position: the (txid, id) of the last change read. Both are 64-bit, so they travel
// as decimal strings.
export interface ChangePosition {
  readonly txid: string;
  readonly id: string;
}

// txid is an xid8 (unsigned 64-bit), id a bigint (signed 64-bit): a number past either bound never
// names a position, and would fail in the SQL cast.
export const CHANGES = new Keyset(['xid8', 'int64']);

export function encodeChangeCursor(position: ChangePosition): string {
  return CHANGES.encode([position.txid, position.id]);
}

export function decodeChangeCursor(cursor: string, path: string): ChangePosition {
  const [txid, id] = CHANGES.decodeCursor(cursor, path) as [string, string];
  return { txid, id };
}
