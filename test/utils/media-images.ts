import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import type { ImageFixture } from '../fixtures/images.js';

/** A phone photo as cameras write it: GPS position, camera and owner in EXIF, caption and credit in XMP. */
export async function phonePhoto(width = 1600, height = 1200): Promise<ImageFixture> {
  const data = await sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 160 } } })
    .jpeg({ quality: 85 })
    .withExif({
      IFD0: { Make: 'SecretPhoneMaker', Model: 'SecretModel X', Artist: 'Reporter Home Address', Copyright: 'OWNERSECRET' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '12/1 38/1 3912/100',
        GPSLongitudeRef: 'W',
        GPSLongitude: '8/1 0/1 2988/100',
        GPSMapDatum: 'GPSDATUMSECRET',
      },
    })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
        '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" ' +
        'photoshop:Credit="REUTERS/Jane Roe">' +
        '<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Protesters gather in Bamako</rdf:li></rdf:Alt></dc:description>' +
        '</rdf:Description></rdf:RDF></x:xmpmeta>',
    )
    .toBuffer();
  return { name: 'IMG_20261201_bamako.jpg', contentType: 'image/jpeg', width, height, data };
}

/** Left half red, right half blue: which half a crop kept is visible in its pixels. */
export async function twoColourPhoto(width = 1200, height = 600): Promise<ImageFixture> {
  const half = await sharp({ create: { width: width / 2, height, channels: 3, background: { r: 0, g: 0, b: 255 } } })
    .png()
    .toBuffer();
  const data = await sharp({ create: { width, height, channels: 3, background: { r: 255, g: 0, b: 0 } } })
    .composite([{ input: half, left: width / 2, top: 0 }])
    .png()
    .toBuffer();
  return { name: 'halves.png', contentType: 'image/png', width, height, data };
}

/** The mean colour of an image: red-ish or blue-ish. */
export async function dominantColour(data: Buffer): Promise<'red' | 'blue'> {
  const { channels } = await sharp(data).stats();
  return channels[0]!.mean > channels[2]!.mean ? 'red' : 'blue';
}

/** A PNG whose header claims a huge size over a few bytes of data: a decompression bomb. */
export async function pixelBomb(width: number, height: number): Promise<ImageFixture> {
  const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
    .png()
    .toBuffer();
  const forged = Buffer.from(png);
  forged.writeUInt32BE(width, 16);
  forged.writeUInt32BE(height, 20);
  forged.writeUInt32BE(crc32(forged.subarray(12, 29)), 29);
  return { name: 'bomb.png', contentType: 'image/png', width, height, data: forged };
}
