import { DomainError } from './domain-error.js';
import { expectGlobalId, fromGlobalId, toGlobalId } from './global-id.js';

const uuid = '0193a3c1-6c1e-7d2a-9b1c-0a1b2c3d4e5f';

describe('global ids', () => {
  it('round-trips a typed id', () => {
    expect(fromGlobalId(toGlobalId('Article', uuid))).toEqual({ type: 'Article', id: uuid });
  });

  it('encodes the same id the same way every time, also once it has been seen', () => {
    const first = toGlobalId('Author', uuid);
    expect(toGlobalId('Author', uuid)).toBe(first);
    expect(first).toBe(Buffer.from(`Author:${uuid}`).toString('base64url'));
    expect(toGlobalId('Tag', uuid)).not.toBe(first);
  });

  it('rejects garbage, unknown types and non-uuid ids', () => {
    expect(fromGlobalId('not-an-id')).toBeNull();
    expect(fromGlobalId(Buffer.from(`User:${uuid}`).toString('base64url'))).toBeNull();
    expect(fromGlobalId(Buffer.from('Article:1 OR 1=1').toString('base64url'))).toBeNull();
  });

  it('refuses an id of another type as bad input', () => {
    expect(() => expectGlobalId(toGlobalId('Tag', uuid), 'Article')).toThrow(DomainError);
    expect(expectGlobalId(toGlobalId('Article', uuid), 'Article')).toBe(uuid);
  });
});
