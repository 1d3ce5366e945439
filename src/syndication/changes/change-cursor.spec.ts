import { DomainError } from '../../common/domain-error.js';
import { encodeCursor } from '../../common/pagination/keyset.js';
import { decodeChangeCursor, encodeChangeCursor } from './change-cursor.js';

describe('change cursors', () => {
  it('round-trips positions up to the 64-bit bounds of xid8 and bigint', () => {
    for (const position of [
      { txid: '0', id: '1' },
      { txid: '18446744073709551615', id: '9223372036854775807' },
    ]) {
      expect(decodeChangeCursor(encodeChangeCursor(position), 'since')).toEqual(position);
    }
  });

  it.each([
    ['18446744073709551616', '1'],
    ['99999999999999999999', '1'],
    ['1', '9223372036854775808'],
    ['1', '99999999999999999999'],
    ['-1', '1'],
    ['1', '1.5'],
    ['', '1'],
  ])('refuses (%s, %s) as bad input', (txid, id) => {
    expect(() => decodeChangeCursor(encodeCursor([txid, id]), 'since')).toThrow(DomainError);
  });
});
