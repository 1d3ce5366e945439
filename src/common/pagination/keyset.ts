import { Prisma } from '../../generated/prisma/client.js';
import { DomainError } from '../domain-error.js';
import type { PageRequest } from './page-request.js';

// The one keyset-pagination helper of every connection, public and admin. A cursor is the sort-key
// values of an edge, JSON-encoded in base64url: opaque to clients. Decoding checks each VALUE against
// its column's type, not just the shape, so a forged cursor is BAD_USER_INPUT instead of a failing
// cast in PostgreSQL. The same keyset gives the SQL form (for hand-written queries) and the Prisma
// form of the "after this edge" condition.

export type KeyType = 'timestamp' | 'uuid' | 'text' | 'number' | 'integer' | 'int64' | 'xid8';
type KeyValue = string | number;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// What Date.toISOString writes (and PostgreSQL reads back exactly).
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;
const MAX_TEXT_KEY = 1000;

const VALID: Record<KeyType, (value: unknown) => boolean> = {
  timestamp: (value) => typeof value === 'string' && ISO_TIME.test(value) && !Number.isNaN(Date.parse(value)),
  uuid: (value) => typeof value === 'string' && UUID.test(value),
  text: (value) => typeof value === 'string' && value.length <= MAX_TEXT_KEY && !value.includes('\u0000'),
  number: (value) => typeof value === 'number' && Number.isFinite(value),
  integer: (value) => typeof value === 'number' && Number.isSafeInteger(value),
  // 64-bit ids travel as decimal strings.
  int64: (value) => typeof value === 'string' && /^\d{1,19}$/.test(value) && BigInt(value) <= INT64_MAX,
  // Transaction ids (xid8) are unsigned.
  xid8: (value) => typeof value === 'string' && /^\d{1,20}$/.test(value) && BigInt(value) <= UINT64_MAX,
};

const SQL_TYPE: Record<KeyType, string> = {
  timestamp: 'timestamptz',
  uuid: 'uuid',
  text: 'text',
  number: 'real',
  integer: 'integer',
  int64: 'bigint',
  xid8: 'xid8',
};

export function encodeCursor(values: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export class Keyset {
  constructor(private readonly types: readonly KeyType[]) {}

  encode(values: readonly KeyValue[]): string {
    return encodeCursor(values);
  }

  /** The page's cursor values, checked; undefined without a cursor. */
  decode(page: Pick<PageRequest, 'cursor' | 'direction'>, path?: string): KeyValue[] | undefined {
    if (page.cursor === undefined) return undefined;
    return this.decodeCursor(page.cursor, path ?? (page.direction === 'forward' ? 'after' : 'before'));
  }

  decodeCursor(cursor: string, path: string): KeyValue[] {
    let values: unknown;
    try {
      values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      values = undefined;
    }
    const valid =
      Array.isArray(values) && values.length === this.types.length && values.every((value, i) => VALID[this.types[i]!](value));
    if (!valid) throw DomainError.badInput([{ path, message: 'is not a valid cursor' }]);
    return values as KeyValue[];
  }

  /**
   * encode() written in SQL, for statements that return cursors themselves: base64url of the values'
   * JSON text, concatenated by hand (json_build_array puts spaces after commas), with the newline that
   * base64 writes every 76 characters removed. Timestamps and uuids only, whose JSON text is the
   * quoted value (no character needs escaping); a timestamp column is read as Date.toISOString writes it.
   */
  sqlEncode(columns: readonly Prisma.Sql[]): Prisma.Sql {
    if (columns.length !== this.types.length) throw new Error('One column per sort key');
    const values = columns.map((column, i) => {
      const type = this.types[i];
      if (type === 'timestamp') return Prisma.sql`newsdesk_iso_time(${column})`;
      if (type === 'uuid') return Prisma.sql`${column}::text`;
      throw new Error(`No cursor SQL for a ${type} key`);
    });
    const json = Prisma.sql`'["' || ${Prisma.join(values, ` || '","' || `)} || '"]'`;
    return Prisma.sql`replace(replace(replace(rtrim(encode(convert_to(${json}, 'UTF8'), 'base64'), '='), E'\\n', ''), '+', '-'), '/', '_')`;
  }

  /** `(col1, col2) < ($1::timestamptz, $2::uuid)`: rows after the cursor in a descending read. */
  sqlAfter(columns: readonly Prisma.Sql[], values: readonly KeyValue[], descending: boolean): Prisma.Sql {
    const casts = values.map((value, i) => Prisma.sql`${value}::${Prisma.raw(SQL_TYPE[this.types[i]!])}`);
    return Prisma.sql`(${Prisma.join(columns, ', ')}) ${Prisma.raw(descending ? '<' : '>')} (${Prisma.join(casts, ', ')})`;
  }

  /** The same condition as a Prisma `where` over `fields` (lexicographic: a < x OR (a = x AND b < y)...). */
  prismaAfter(fields: readonly string[], values: readonly KeyValue[], descending: boolean): Record<string, unknown> {
    const op = descending ? 'lt' : 'gt';
    const typed = values.map((value, i) => (this.types[i] === 'timestamp' ? new Date(value as string) : value));
    const branches = fields.map((field, i) => {
      const equal = Object.fromEntries(fields.slice(0, i).map((earlier, j) => [earlier, typed[j]]));
      return { ...equal, [field]: { [op]: typed[i] } };
    });
    return { OR: branches };
  }
}

type KeyField<Row> = readonly [field: keyof Row & string, type: KeyType];

/**
 * A keyset over fields of a Prisma model, e.g. newest first by (createdAt, id): the findMany
 * arguments of one page (limit + 1 rows, so the connection knows whether more follow) and each
 * row's cursor.
 */
export class ModelKeyset<Row> {
  private readonly keyset: Keyset;

  constructor(
    private readonly fields: readonly KeyField<Row>[],
    private readonly order: 'asc' | 'desc',
  ) {
    this.keyset = new Keyset(fields.map(([, type]) => type));
  }

  /** `where`, `orderBy` and `take` for `page`; a backward page reads in reverse order. */
  page(page: PageRequest, path?: string) {
    const values = this.keyset.decode(page, path);
    const forward = page.direction === 'forward';
    const descending = (this.order === 'desc') === forward;
    const names = this.fields.map(([field]) => field);
    return {
      where: values ? this.keyset.prismaAfter(names, values, descending) : {},
      orderBy: names.map((field) => ({ [field]: descending ? 'desc' : 'asc' })) as Record<string, 'asc' | 'desc'>[],
      take: page.limit + 1,
    };
  }

  cursorOf(row: Row): string {
    return this.keyset.encode(
      this.fields.map(([field, type]) => {
        const value = row[field] as unknown;
        if (type === 'timestamp') return (value as Date).toISOString();
        return typeof value === 'bigint' ? value.toString() : (value as string | number);
      }),
    );
  }
}

/** Alphabetical lists (tags, authors, users): by (name, id). */
export const BY_NAME = new ModelKeyset<{ name: string; id: string }>(
  [
    ['name', 'text'],
    ['id', 'uuid'],
  ],
  'asc',
);
