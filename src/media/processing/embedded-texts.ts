import type { Metadata } from 'sharp';

export interface EmbeddedTexts {
  readonly caption: string | null;
  readonly credit: string | null;
}

const MAX_LENGTH = { caption: 2000, credit: 300 };

/** Caption and credit as agencies and cameras write them: IPTC first (wire photos), then XMP. */
export function readEmbeddedTexts(metadata: Pick<Metadata, 'iptc' | 'xmp'>): EmbeddedTexts {
  const iptc = metadata.iptc ? readIptc(metadata.iptc) : new Map<number, string>();
  const xmp = metadata.xmp ? metadata.xmp.toString('utf8') : '';
  const caption = iptc.get(120) ?? xmpAltText(xmp, 'dc:description');
  const credit = iptc.get(110) ?? xmpField(xmp, 'photoshop:Credit') ?? iptc.get(80) ?? xmpSeqText(xmp, 'dc:creator');
  return { caption: clean(caption, MAX_LENGTH.caption), credit: clean(credit, MAX_LENGTH.credit) };
}

// IPTC IIM: records of 0x1C, record number, dataset number, 2-byte length, data. Record 2 holds the
// editorial fields: 120 caption/abstract, 110 credit, 80 by-line. Text is UTF-8 in practice.
export function readIptc(data: Buffer): Map<number, string> {
  const fields = new Map<number, string>();
  let offset = data.indexOf(0x1c);
  while (offset >= 0 && offset + 5 <= data.length) {
    if (data[offset] !== 0x1c) break;
    const record = data[offset + 1]!;
    const dataset = data[offset + 2]!;
    const length = data.readUInt16BE(offset + 3);
    if (length & 0x8000) break; // extended lengths are never used for text fields
    const start = offset + 5;
    if (start + length > data.length) break;
    if (record === 2 && !fields.has(dataset)) fields.set(dataset, data.toString('utf8', start, start + length));
    offset = start + length;
  }
  return fields;
}

function xmpField(xmp: string, name: string): string | undefined {
  const attribute = new RegExp(`${name}="([^"]*)"`).exec(xmp)?.[1];
  return attribute ?? new RegExp(`<${name}>([^<]*)</${name}>`).exec(xmp)?.[1];
}

function xmpAltText(xmp: string, name: string): string | undefined {
  return new RegExp(`<${name}>\\s*<rdf:Alt>\\s*<rdf:li[^>]*>([^<]*)</rdf:li>`).exec(xmp)?.[1];
}

function xmpSeqText(xmp: string, name: string): string | undefined {
  return new RegExp(`<${name}>\\s*<rdf:(?:Seq|Bag)>\\s*<rdf:li[^>]*>([^<]*)</rdf:li>`).exec(xmp)?.[1];
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

function clean(value: string | undefined, max: number): string | null {
  if (value === undefined) return null;
  const text = value
    .replace(/&(amp|lt|gt|quot|apos);/g, (entity) => ENTITIES[entity]!)
    .replace(/[^\P{Cc}\t\n\r]/gu, '')
    .trim();
  return text === '' ? null : Array.from(text).slice(0, max).join('');
}
