import { readEmbeddedTexts, readIptc } from './embedded-texts.js';

// IPTC IIM datasets as agencies write them: 0x1C, record, dataset, 2-byte length, text.
function iim(fields: [number, number, string][]): Buffer {
  return Buffer.concat(
    fields.map(([record, dataset, text]) => {
      const data = Buffer.from(text, 'utf8');
      const header = Buffer.from([0x1c, record, dataset, 0, 0]);
      header.writeUInt16BE(data.length, 3);
      return Buffer.concat([header, data]);
    }),
  );
}

describe('caption and credit embedded in a photo', () => {
  it('reads IPTC caption (2:120), credit (2:110) and by-line (2:80)', () => {
    const iptc = Buffer.concat([
      Buffer.from('Photoshop 3.0\0'),
      iim([
        [1, 90, '\x1b%G'],
        [2, 80, 'Jane Roe'],
        [2, 120, 'Soldiers in Gao'],
        [2, 110, 'REUTERS'],
      ]),
    ]);
    expect(readIptc(iptc).get(120)).toBe('Soldiers in Gao');
    expect(readEmbeddedTexts({ iptc })).toEqual({ caption: 'Soldiers in Gao', credit: 'REUTERS' });
    expect(readEmbeddedTexts({ iptc: iim([[2, 80, 'Jane Roe']]) })).toEqual({ caption: null, credit: 'Jane Roe' });
  });

  it('falls back to XMP dc:description and photoshop:Credit, decoding entities', () => {
    const xmp = Buffer.from(
      '<rdf:Description photoshop:Credit="AP &amp; AFP"><dc:description><rdf:Alt><rdf:li xml:lang="x-default">A &lt;rare&gt; sight</rdf:li></rdf:Alt></dc:description></rdf:Description>',
    );
    expect(readEmbeddedTexts({ xmp })).toEqual({ caption: 'A <rare> sight', credit: 'AP & AFP' });
  });

  it('ignores truncated records and blank or missing texts', () => {
    const cut = iim([[2, 120, 'Complete caption']]).subarray(0, 10);
    expect(readEmbeddedTexts({ iptc: cut })).toEqual({ caption: null, credit: null });
    expect(readEmbeddedTexts({ iptc: iim([[2, 120, '   ']]) })).toEqual({ caption: null, credit: null });
    expect(readEmbeddedTexts({})).toEqual({ caption: null, credit: null });
  });
});
