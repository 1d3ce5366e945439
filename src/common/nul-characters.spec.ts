import { DomainError } from './domain-error.js';
import { NUL_MESSAGE, nulIssues } from './nul-characters.js';
import { parseInput } from './parse-input.js';
import { z } from 'zod';

describe('nulIssues', () => {
  it('finds NULs in strings and keys at any depth, with their paths', () => {
    const value = { a: 'ok', b: ['fine', 'bad\u0000'], c: { 'k\u0000': 1, d: { e: '\u0000' } } };
    expect(
      nulIssues(value, ['input'])
        .map((issue) => issue.path)
        .sort(),
    ).toEqual(['input.b.1', 'input.c.d.e', 'input.c.k\\u0000']);
    expect(nulIssues(value)[0]?.message).toBe(NUL_MESSAGE);
  });

  it('reads null-prototype records (form fields) and ignores dates and buffers', () => {
    const fields = Object.assign(Object.create(null) as Record<string, unknown>, { caption: 'x\u0000' });
    expect(nulIssues(fields)).toEqual([{ path: 'caption', message: NUL_MESSAGE }]);
    expect(nulIssues({ at: new Date(), file: Buffer.from([0, 0]) })).toEqual([]);
    expect(nulIssues(['plain', 1, null, undefined, true])).toEqual([]);
  });

  it('survives hostile nesting and caps the number of issues', () => {
    let deep: unknown = '\u0000';
    for (let level = 0; level < 100_000; level++) deep = [deep];
    expect(nulIssues(deep)).toHaveLength(1);
    expect(nulIssues(Array.from({ length: 1000 }, () => '\u0000'))).toHaveLength(10);
  });
});

describe('parseInput', () => {
  it('refuses a NUL even where the schema accepts any string', () => {
    const parse = () => parseInput(z.object({ q: z.string() }), { q: 'a\u0000' }, ['filter']);
    expect(parse).toThrow(DomainError);
    expect(parse).toThrow(`Invalid input: filter.q: ${NUL_MESSAGE}`);
  });
});
