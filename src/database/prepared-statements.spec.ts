import { Prisma } from '../generated/prisma/client.js';
import { literalLimit, MAX_NAMED, prepared, preparedStatementName } from './prepared-statements.js';

const textOf = (sql: Prisma.Sql) => ({ sql: sql.sql });

describe('preparedStatementName', () => {
  it('names a marked statement after its text, the same name every time', () => {
    const marked = textOf(prepared(Prisma.sql`SELECT ${1}::int AS one`));
    const name = preparedStatementName(marked);
    expect(name).toMatch(/^nd_/);
    expect(preparedStatementName({ sql: marked.sql })).toBe(name);
    expect(preparedStatementName(textOf(prepared(Prisma.sql`SELECT ${2}::int AS two`)))).not.toBe(name);
  });

  it('leaves every unmarked statement unnamed (search, writes, anything not chosen)', () => {
    expect(preparedStatementName(textOf(Prisma.sql`SELECT ${1}::int AS one`))).toBeUndefined();
  });

  it(`names at most ${MAX_NAMED} texts however many clients send; those named keep their names`, () => {
    const first = textOf(prepared(Prisma.sql`SELECT 'first' AS x`));
    const name = preparedStatementName(first);
    const names = Array.from({ length: MAX_NAMED * 2 }, (_, i) =>
      preparedStatementName(textOf(prepared(Prisma.sql`SELECT ${Prisma.raw(String(i))} AS selection`))),
    );
    expect(names.filter(Boolean).length).toBeLessThan(MAX_NAMED);
    expect(names.at(-1)).toBeUndefined();
    expect(preparedStatementName(first)).toBe(name);
  });
});

describe('literalLimit', () => {
  it('writes the LIMIT into the text, so a prepared statement can keep one generic plan', () => {
    expect(literalLimit(21).sql).toBe('LIMIT 21');
    expect(literalLimit(0).values).toEqual([]);
  });

  it('refuses anything but a non-negative integer, since the value is not a parameter', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])
      expect(() => literalLimit(bad)).toThrow(RangeError);
  });
});
