import { Prisma } from '../../generated/prisma/client.js';
import { DomainError } from '../domain-error.js';
import { BY_NAME, Keyset, ModelKeyset, encodeCursor, type KeyType } from './keyset.js';
import { firstPage, type PageRequest } from './page-request.js';

const TIME = '2026-11-30T08:15:00.123Z';
const UUID = '0193a3c1-6c1e-7d2a-9b1c-0a1b2c3d4e5f';

const raw = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

function decodeError(keyset: Keyset, cursor: string, path = 'after'): DomainError | undefined {
  try {
    keyset.decodeCursor(cursor, path);
    return undefined;
  } catch (error) {
    return error as DomainError;
  }
}

describe('keyset cursors', () => {
  const byTime = new Keyset(['timestamp', 'uuid']);

  it('round-trips the sort-key values through an opaque base64url string', () => {
    const cursor = byTime.encode([TIME, UUID]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).toBe(encodeCursor([TIME, UUID]));
    expect(byTime.decodeCursor(cursor, 'after')).toEqual([TIME, UUID]);
  });

  it('reads the cursor of the page, under the argument name of its direction', () => {
    const after: PageRequest = { direction: 'forward', limit: 10, cursor: byTime.encode([TIME, UUID]) };
    expect(byTime.decode(after)).toEqual([TIME, UUID]);
    expect(byTime.decode(firstPage(10))).toBeUndefined();
    const error = (() => {
      try {
        byTime.decode({ direction: 'backward', cursor: 'garbage' });
      } catch (caught) {
        return caught as DomainError;
      }
    })();
    expect(error?.details.issues).toEqual([{ path: 'before', message: 'is not a valid cursor' }]);
  });

  // Values a client could forge into a cursor: each must be BAD_USER_INPUT, never reach PostgreSQL.
  const FORGED: [string, KeyType, unknown][] = [
    ['a date that is not ISO', 'timestamp', 'yesterday'],
    ['an impossible date', 'timestamp', '2026-13-45T00:00:00.000Z'],
    ['a date without a zone', 'timestamp', '2026-11-30T08:15:00'],
    ['a number as a date', 'timestamp', 1700000000000],
    ['an id that is not a uuid', 'uuid', "1' OR '1'='1"],
    ['text over 1000 characters', 'text', 'x'.repeat(1001)],
    ['text with a NUL', 'text', 'a\u0000b'],
    ['a number as text', 'text', 5],
    ['infinity encoded as a string', 'number', 'Infinity'],
    ['a fraction as an integer', 'integer', 1.5],
    ['an unsafe integer', 'integer', 2 ** 53],
    ['a negative int64', 'int64', '-1'],
    ['an int64 past 2^63-1', 'int64', '9223372036854775808'],
    ['an int64 as a number', 'int64', 42],
    ['an xid8 past 2^64-1', 'xid8', '18446744073709551616'],
    ['an xid8 with letters', 'xid8', '12ab'],
  ];

  it.each(FORGED)('refuses %s as BAD_USER_INPUT', (_case, type, value) => {
    const error = decodeError(new Keyset([type]), raw([value]));
    expect(error).toBeInstanceOf(DomainError);
    expect(error?.code).toBe('BAD_USER_INPUT');
    expect(error?.details.issues).toEqual([{ path: 'after', message: 'is not a valid cursor' }]);
  });

  const ACCEPTED: [KeyType, string | number][] = [
    ['timestamp', TIME],
    ['timestamp', '2026-11-30T08:15:00Z'],
    ['timestamp', '2026-11-30T08:15:00.123456Z'],
    ['uuid', UUID.toUpperCase()],
    ['text', 'Ａfrica — ça va'],
    ['number', -0.5],
    ['integer', Number.MAX_SAFE_INTEGER],
    ['int64', '9223372036854775807'],
    ['xid8', '18446744073709551615'],
  ];

  it.each(ACCEPTED)('accepts a valid %s value (%p)', (type, value) => {
    expect(new Keyset([type]).decodeCursor(raw([value]), 'after')).toEqual([value]);
  });

  it.each([
    ['not base64 JSON', '!!!'],
    ['JSON that is not a list', raw({ createdAt: TIME })],
    ['too few values', raw([TIME])],
    ['too many values', raw([TIME, UUID, UUID])],
    ['values in the wrong order', raw([UUID, TIME])],
  ])('refuses a cursor that is %s', (_case, cursor) => {
    expect(decodeError(byTime, cursor, 'input.after')?.details.issues).toEqual([
      { path: 'input.after', message: 'is not a valid cursor' },
    ]);
  });
});

describe('keyset conditions', () => {
  const keyset = new Keyset(['timestamp', 'uuid']);

  it('writes a row comparison with typed casts, descending as <, ascending as >', () => {
    const columns = [Prisma.sql`a.published_at`, Prisma.sql`a.id`];
    const descending = keyset.sqlAfter(columns, [TIME, UUID], true);
    expect(descending.sql).toBe('(a.published_at, a.id) < (?::timestamptz, ?::uuid)');
    expect(descending.values).toEqual([TIME, UUID]);
    expect(keyset.sqlAfter(columns, [TIME, UUID], false).sql).toBe('(a.published_at, a.id) > (?::timestamptz, ?::uuid)');
  });

  it('writes the same order as a Prisma where: ties on earlier keys are broken by later ones', () => {
    const three = new Keyset(['integer', 'timestamp', 'uuid']);
    expect(three.prismaAfter(['position', 'createdAt', 'id'], [3, TIME, UUID], false)).toEqual({
      OR: [
        { position: { gt: 3 } },
        { position: 3, createdAt: { gt: new Date(TIME) } },
        { position: 3, createdAt: new Date(TIME), id: { gt: UUID } },
      ],
    });
    expect(keyset.prismaAfter(['createdAt', 'id'], [TIME, UUID], true)).toEqual({
      OR: [{ createdAt: { lt: new Date(TIME) } }, { createdAt: new Date(TIME), id: { lt: UUID } }],
    });
  });
});

describe('model keysets', () => {
  const NEWEST = new ModelKeyset<{ createdAt: Date; id: string }>(
    [
      ['createdAt', 'timestamp'],
      ['id', 'uuid'],
    ],
    'desc',
  );
  const row = { createdAt: new Date(TIME), id: UUID };

  it('reads a first page in the keyset order, one row more than asked', () => {
    expect(NEWEST.page(firstPage(20))).toEqual({ where: {}, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 21 });
    expect(BY_NAME.page(firstPage(5))).toEqual({ where: {}, orderBy: [{ name: 'asc' }, { id: 'asc' }], take: 6 });
  });

  it('reads on after a cursor in the same order, and back from one in reverse', () => {
    const cursor = NEWEST.cursorOf(row);
    const after = NEWEST.page({ direction: 'forward', limit: 10, cursor });
    expect(after.orderBy).toEqual([{ createdAt: 'desc' }, { id: 'desc' }]);
    expect(after.where).toEqual({ OR: [{ createdAt: { lt: row.createdAt } }, { createdAt: row.createdAt, id: { lt: UUID } }] });
    const before = NEWEST.page({ direction: 'backward', limit: 10, cursor });
    expect(before.orderBy).toEqual([{ createdAt: 'asc' }, { id: 'asc' }]);
    expect(before.where).toEqual({ OR: [{ createdAt: { gt: row.createdAt } }, { createdAt: row.createdAt, id: { gt: UUID } }] });
  });

  it("writes a row's cursor from its typed values (dates as ISO, bigints as decimal strings)", () => {
    expect(new Keyset(['timestamp', 'uuid']).decodeCursor(NEWEST.cursorOf(row), 'after')).toEqual([TIME, UUID]);
    const BY_SEQUENCE = new ModelKeyset<{ sequence: bigint }>([['sequence', 'int64']], 'asc');
    const cursor = BY_SEQUENCE.cursorOf({ sequence: 9007199254740993n });
    expect(new Keyset(['int64']).decodeCursor(cursor, 'after')).toEqual(['9007199254740993']);
  });

  it('refuses a cursor of another keyset (a name cursor on a time list)', () => {
    const nameCursor = BY_NAME.cursorOf({ name: 'Mali', id: UUID });
    expect(() => NEWEST.page({ direction: 'forward', limit: 10, cursor: nameCursor }, 'after')).toThrow(DomainError);
  });
});
