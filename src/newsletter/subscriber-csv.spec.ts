import { csvField } from './subscriber-csv.js';

describe('csvField', () => {
  it('leaves plain addresses alone', () => {
    expect(csvField('reader@example.com')).toBe('reader@example.com');
  });

  it('quotes separators and quotes (RFC 4180)', () => {
    expect(csvField('"odd,one"@example.com')).toBe('"""odd,one""@example.com"');
  });

  it('defuses values a spreadsheet would run as formulas', () => {
    expect(csvField('=HYPERLINK("x")@example.com')).toBe(`"'=HYPERLINK(""x"")@example.com"`);
    expect(csvField('+1@example.com')).toBe("'+1@example.com");
    expect(csvField('-1@example.com')).toBe("'-1@example.com");
  });
});
