import { encodeCursor, Keyset } from '../../../src/common/pagination/keyset.js';
import { Prisma } from '../../../src/generated/prisma/client.js';
import { createServiceContext, type ServiceContext } from '../../utils/create-service-context.js';

// Keyset.sqlEncode: the cursors a statement writes itself (the pass-through's connections) must be
// the very strings encode() gives, or a client's next page would change with the path that served it.
describe('Keyset.sqlEncode on PostgreSQL', () => {
  let ctx: ServiceContext;

  beforeAll(async () => {
    ctx = await createServiceContext();
  });
  afterAll(() => ctx.close());

  it('writes encode() of (timestamp, uuid): base64url over the 76-character line, without padding', async () => {
    const byDate = new Keyset(['timestamp', 'uuid']);
    // Many random ids and times; each cursor is 67 bytes of JSON, over the 57 that base64 writes per line.
    const rows = await ctx.prisma.$queryRaw<{ at: Date; id: string; cursor: string }[]>(Prisma.sql`
      SELECT k.at, k.id::text AS id, ${byDate.sqlEncode([Prisma.sql`k.at`, Prisma.sql`k.id`])} AS cursor
      FROM (SELECT timestamptz '2026-11-30T08:15:00.123Z' - n * interval '1 second 7 milliseconds' AS at, gen_random_uuid() AS id
        FROM generate_series(0, 199) n) k`);
    expect(rows).toHaveLength(200);
    for (const row of rows) expect(row.cursor).toBe(encodeCursor([row.at.toISOString(), row.id]));
    expect(rows.every((row) => row.cursor.length === 90)).toBe(true);
    expect(byDate.decodeCursor(rows[0]!.cursor, 'after')).toEqual([rows[0]!.at.toISOString(), rows[0]!.id]);
  });

  it('refuses key types whose JSON text it does not write', () => {
    expect(() => new Keyset(['number', 'uuid']).sqlEncode([Prisma.sql`1`, Prisma.sql`2`])).toThrow('No cursor SQL');
  });
});
