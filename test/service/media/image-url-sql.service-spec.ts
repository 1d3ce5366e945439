import { Prisma } from '../../../src/generated/prisma/client.js';
import { MediaUrls, type UrlImage } from '../../../src/media/renditions/media-urls.js';
import { createServiceContext, type ServiceContext } from '../../utils/create-service-context.js';

// MediaUrls.originalSql is original() written for PostgreSQL (the pass-through writes Image.url with
// it): on every kind of row, the two must give the same string, or a page's image URLs would change
// with the path that served it.
describe('MediaUrls.originalSql on PostgreSQL', () => {
  let ctx: ServiceContext;

  beforeAll(async () => {
    ctx = await createServiceContext();
  });
  afterAll(() => ctx.close());

  const rows: [string, string | null, number | null, number | null][] = [
    ['https://images.example.com/a.jpg', 'ab/cd/stored.jpg', 1200, 800],
    ['https://images.example.com/b.jpg', 'ab/cd/"quoted" é 🦆.jpg', 1, 1],
    ['https://images.example.com/c.jpg', null, 1200, 800],
    ['https://images.example.com/d.jpg', 'ab/cd/no-width.jpg', null, 800],
    ['https://images.example.com/e.jpg', 'ab/cd/no-height.jpg', 1200, null],
    ['https://images.example.com/f.jpg', null, null, null],
    ['', '', 10, 10],
  ];

  async function both(urls: MediaUrls) {
    const values = Prisma.join(
      rows.map(
        ([url, storageKey, width, height]) => Prisma.sql`(${url}::text, ${storageKey}::text, ${width}::int, ${height}::int)`,
      ),
    );
    const sql = urls.originalSql('i')!;
    const found = await ctx.prisma.$queryRaw<{ url: string }[]>(
      Prisma.sql`SELECT ${sql} AS url FROM (VALUES ${values}) i(url, storage_key, width, height)`,
    );
    const expected = rows.map(([url, storageKey, width, height]) => {
      const image: UrlImage = {
        id: '00000000-0000-0000-0000-000000000000',
        url,
        storageKey,
        width,
        height,
        focalX: null,
        focalY: null,
        crops: {},
      };
      return urls.original(image);
    });
    return { found: found.map((row) => row.url), expected };
  }

  it('gives original() of every kind of row with public masters', async () => {
    const media = ctx.config.media;
    const { found, expected } = await both(
      new MediaUrls({ ...media, publicOriginals: true, publicUrl: 'https://cdn.example.com/media' }),
    );
    expect(found).toEqual(expected);
    expect(found[0]).toBe('https://cdn.example.com/media/ab/cd/stored.jpg');
    expect(found[3]).toBe('https://images.example.com/d.jpg');
  });

  it('has no SQL with private masters (the largest rendition is JS-computed)', () => {
    expect(new MediaUrls({ ...ctx.config.media, publicOriginals: false }).originalSql('i')).toBeNull();
  });
});
