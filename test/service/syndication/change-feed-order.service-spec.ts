import { randomUUID } from 'node:crypto';
import { Selection } from '../../../src/database/projection/selection.js';
import type { PartnerScope } from '../../../src/syndication/partners/partner-scope.js';
import { ChangeFeedService } from '../../../src/syndication/changes/change-feed.service.js';
import { createServiceContext, type ServiceContext } from '../../utils/create-service-context.js';

const EVERYWHERE: PartnerScope = { partnerId: randomUUID(), name: 'Mirror', sectionIds: [], tagIds: [], fullText: false };

// The feed's order is numeric (txid, then id), whatever the width of the numbers: transaction ids and
// ids cross 9 -> 10, 99 -> 100 and so on as a database ages (a fresh cluster crosses txid 1000 within
// minutes). Rows are written with chosen txids, all older than any running transaction, so every one
// is readable at once.
describe('change feed order across digit boundaries', () => {
  let s: ServiceContext;
  let feed: ChangeFeedService;
  // [txid, id] in the order the feed must give them.
  const ROWS: [string, string][] = [
    ['8', '1000000'],
    ['9', '999999'],
    ['9', '1000001'],
    ['10', '999998'],
    ['99', '5'],
    ['100', '4'],
    ['101', '3'],
  ];

  beforeAll(async () => {
    s = await createServiceContext();
    feed = s.get(ChangeFeedService);
    for (const [txid, id] of [...ROWS].reverse()) {
      await s.prisma.$executeRaw`
        INSERT INTO change_events (id, txid, action, entity_type, entity_id)
        VALUES (${id}::bigint, ${txid}::xid8, 'updated', 'Tag', ${randomUUID()}::uuid)`;
    }
  });
  afterAll(() => s.close());

  const positionOf = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];

  it('reads in numeric (txid, id) order', async () => {
    const page = await feed.read(EVERYWHERE, null, Selection.EMPTY, 50);
    expect(page.changes.map((change) => positionOf(change.cursor))).toEqual(ROWS);
    expect(page.hasMore).toBe(false);
  });

  it.each([1, 2, 3])('pages with limit %i to every change exactly once, in order', async (limit) => {
    const read: [string, string][] = [];
    let after: string | null = null;
    for (let pages = 0; pages < ROWS.length + 1; pages++) {
      const page = await feed.read(EVERYWHERE, after, Selection.EMPTY, limit);
      read.push(...page.changes.map((change) => positionOf(change.cursor)));
      after = page.nextCursor;
      if (!page.hasMore) break;
    }
    expect(read).toEqual(ROWS);
  });
});
