// Structural checks that image-size does not make: it reads only the header, so a file cut off in
// transit (or a header glued onto anything) would pass. Each check walks the container of its format
// to its end marker, without decoding pixels. They return false for anything incomplete.

export function isCompleteJpeg(data: Buffer): boolean {
  // Walk the header segments (their payloads, e.g. an EXIF thumbnail, may contain any bytes) to the
  // start of scan; entropy-coded data never contains FF D9, so the first one after it is the end.
  let offset = 2;
  while (offset + 4 <= data.length) {
    if (data[offset] !== 0xff) return false;
    const marker = data[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    const length = data.readUInt16BE(offset + 2);
    if (length < 2 || offset + 2 + length > data.length) return false;
    if (marker === 0xda) return data.indexOf(Buffer.from([0xff, 0xd9]), offset + 2 + length) !== -1;
    offset += 2 + length;
  }
  return false;
}

export function isCompletePng(data: Buffer): boolean {
  let offset = 8;
  while (offset + 12 <= data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('latin1', offset + 4, offset + 8);
    offset += 12 + length;
    if (offset > data.length) return false;
    if (type === 'IEND') return true;
  }
  return false;
}

export function isCompleteWebp(data: Buffer): boolean {
  // RIFF states the size of everything after its first 8 bytes.
  return data.length >= 12 && data.readUInt32LE(4) + 8 <= data.length;
}

export function isCompleteGif(data: Buffer): boolean {
  if (data.length < 13) return false;
  let offset = 13 + colorTableSize(data[10]!);
  while (offset < data.length) {
    const block = data[offset]!;
    if (block === 0x3b) return true; // trailer
    if (block === 0x21) {
      offset = skipSubBlocks(data, offset + 2); // extension: introducer, label, sub-blocks
    } else if (block === 0x2c) {
      if (offset + 10 > data.length) return false;
      // image descriptor (10 bytes), local colour table, LZW minimum code size, sub-blocks
      offset = skipSubBlocks(data, offset + 10 + colorTableSize(data[offset + 9]!) + 1);
    } else {
      return false;
    }
  }
  return false;
}

function colorTableSize(packed: number): number {
  return packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0;
}

// Sub-blocks are length-prefixed and end with a zero length; returns the offset after the terminator,
// or past the end of the data when it is missing.
function skipSubBlocks(data: Buffer, offset: number): number {
  let position = offset;
  while (position < data.length) {
    const size = data[position]!;
    position += 1;
    if (size === 0) return position;
    position += size;
  }
  return data.length + 1;
}

/** ISO-BMFF (AVIF): top-level boxes fit the file exactly, and the brands say AVIF. */
export function isCompleteAvif(data: Buffer): boolean {
  let offset = 0;
  const boxes = new Set<string>();
  while (offset + 8 <= data.length) {
    let size = data.readUInt32BE(offset);
    const type = data.toString('latin1', offset + 4, offset + 8);
    if (size === 1) {
      if (offset + 16 > data.length) return false;
      size = Number(data.readBigUInt64BE(offset + 8));
    } else if (size === 0) {
      size = data.length - offset; // the last box runs to the end of the file
    }
    if (size < 8 || offset + size > data.length) return false;
    if (boxes.size === 0 && (type !== 'ftyp' || !brands(data.subarray(offset + 8, offset + size)).includes('avif'))) return false;
    boxes.add(type);
    offset += size;
  }
  return offset === data.length && boxes.has('meta') && boxes.has('mdat');
}

// ftyp payload: major brand, minor version, then compatible brands, four bytes each.
function brands(ftyp: Buffer): string[] {
  const found = [ftyp.toString('latin1', 0, 4)];
  for (let offset = 8; offset + 4 <= ftyp.length; offset += 4) found.push(ftyp.toString('latin1', offset, offset + 4));
  return found;
}
