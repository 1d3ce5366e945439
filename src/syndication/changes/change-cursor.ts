import { DomainError } from '../../common/domain-error.js';
import { decodeCursor, encodeCursor } from '../../graphql/pagination/cursor.js';

// A change feed position: the (txid, id) of the last change read. Both are 64-bit, so they travel
// as decimal strings.
export interface ChangePosition {
  readonly txid: string;
  readonly id: string;
}

const DIGITS = /^\d{1,20}$/;

export function encodeChangeCursor(position: ChangePosition): string {
  return encodeCursor([position.txid, position.id]);
}

export function decodeChangeCursor(cursor: string, path: string): ChangePosition {
  const [txid, id] = decodeCursor(cursor, ['string', 'string'], path) as [string, string];
  if (!DIGITS.test(txid) || !DIGITS.test(id)) throw DomainError.badInput([{ path, message: 'is not a valid cursor' }]);
  return { txid, id };
}
