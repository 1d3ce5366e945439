import { encodeCursor } from '../../../src/common/pagination/keyset.js';
import { loginAs } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { createPartner } from '../../utils/syndication.js';

// Change-feed cursors carry (txid, id): txid is an xid8 (unsigned 64-bit) and id a bigint (signed
// 64-bit). Well-shaped cursors with numbers past those bounds reached the SQL cast and failed there.
const FORGED: [string, string, string][] = [
  ['a 20-digit txid past xid8', '99999999999999999999', '1'],
  ['a txid of 2^64', '18446744073709551616', '1'],
  ['a 20-digit id', '1', '99999999999999999999'],
  ['an id of 2^63', '1', '9223372036854775808'],
];

describe('change feed: cursors with out-of-range numbers', () => {
  let t: TestApp;
  let key: string;

  beforeAll(async () => {
    t = await createTestApp();
    key = (await createPartner(await loginAs(t, 'ADMIN'), { name: 'Cursor prober' })).key;
  });
  afterAll(() => t.close());

  it.each(FORGED)('REST /syndication/changes refuses %s as BAD_USER_INPUT', async (_name, txid, id) => {
    const since = encodeCursor([txid, id]);
    const response = await fetch(`${t.baseUrl}/syndication/changes?since=${since}`, { headers: { 'x-partner-key': key } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: unknown }).error).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [{ path: 'since', message: 'is not a valid cursor' }],
    });
  });

  it.each(FORGED)('GraphQL syndicationChanges refuses %s as BAD_USER_INPUT', async (_name, txid, id) => {
    const response = await t.graphql.post(
      'query($since: String) { syndicationChanges(since: $since) { edges { cursor } } }',
      { since: encodeCursor([txid, id]) },
      { 'x-partner-key': key },
    );
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [{ path: 'since', message: 'is not a valid cursor' }],
    });
  });

  it('still reads from the largest valid position', async () => {
    const since = encodeCursor(['18446744073709551615', '9223372036854775807']);
    const response = await fetch(`${t.baseUrl}/syndication/changes?since=${since}`, { headers: { 'x-partner-key': key } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ changes: [], hasMore: false });
  });
});
