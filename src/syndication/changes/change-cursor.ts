import { Keyset } from '../../common/pagination/keyset.js';

// A change feed position: the (txid, id) of the last change read. Both are 64-bit, so they travel
// as decimal strings.
export interface ChangePosition {
  readonly txid: string;
  readonly id: string;
}

const CHANGES = new Keyset(['int64', 'int64']);

export function encodeChangeCursor(position: ChangePosition): string {
  return CHANGES.encode([position.txid, position.id]);
}

export function decodeChangeCursor(cursor: string, path: string): ChangePosition {
  const [txid, id] = CHANGES.decodeCursor(cursor, path) as [string, string];
  return { txid, id };
}
