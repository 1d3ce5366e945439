import { DomainError } from '../../common/domain-error.js';
import { decodeCursor, encodeCursor } from '../../graphql/pagination/cursor.js';

// A change feed position: the (txid, id) of the last change read. Both are 64-bit, so they travel
// as decimal strings.
export interface ChangePosition {
  readonly txid: string;
  readonly id: string;
}

const DIGITS = /^\d{1,20}$/;
// txid is an xid8 (unsigned 64-bit), id a bigint (signed 64-bit): a number past either bound never
// names a position, and would fail in the SQL cast.
const MAX_TXID = 2n ** 64n - 1n;
const MAX_ID = 2n ** 63n - 1n;

export function encodeChangeCursor(position: ChangePosition): string {
  return encodeCursor([position.txid, position.id]);
}

export function decodeChangeCursor(cursor: string, path: string): ChangePosition {
  const [txid, id] = decodeCursor(cursor, ['string', 'string'], path) as [string, string];
  if (!within(txid, MAX_TXID) || !within(id, MAX_ID)) throw DomainError.badInput([{ path, message: 'is not a valid cursor' }]);
  return { txid, id };
}

function within(digits: string, max: bigint): boolean {
  return DIGITS.test(digits) && BigInt(digits) <= max;
}
