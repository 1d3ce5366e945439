import { formatCount } from './format';

describe('formatCount', () => {
  it('puts the noun in the singular for one and in the plural otherwise', () => {
    expect(formatCount(1, 'tag')).toBe('1 tag');
    expect(formatCount(0, 'tag')).toBe('0 tags');
    expect(formatCount(2, 'tag')).toBe('2 tags');
  });

  it('takes an irregular plural', () => {
    expect(formatCount(1, 'entry', 'entries')).toBe('1 entry');
    expect(formatCount(3, 'entry', 'entries')).toBe('3 entries');
    expect(formatCount(1, 'series', 'series')).toBe('1 series');
  });
});
