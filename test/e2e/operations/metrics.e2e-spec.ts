import { createTestApp, type TestApp } from '../../utils/create-app.js';

describe('/metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ METRICS_ENABLED: 'true', RESPONSE_CACHE: 'memory' });
  });
  afterAll(() => t.close());

  async function scrape(): Promise<Record<string, number>> {
    const text = await (await fetch(`${t.baseUrl}/metrics`)).text();
    const values: Record<string, number> = {};
    for (const line of text.split('\n')) {
      const match = /^(newsdesk_(?:sql_statements_total|response_cache_lookups_total\{result="(?:hit|miss)"\}))\s+(\d+)/.exec(
        line,
      );
      if (match) values[match[1]!] = Number(match[2]);
    }
    return values;
  }

  it('counts SQL statements and cache hits and misses, in Prometheus format', async () => {
    const before = await scrape();
    for (let i = 0; i < 3; i += 1) await t.graphql.get({ query: '{ latestArticles(first: 3) { headline } }' });
    const after = await scrape();
    expect(after['newsdesk_sql_statements_total']!).toBeGreaterThan(before['newsdesk_sql_statements_total'] ?? 0);
    expect(
      after['newsdesk_response_cache_lookups_total{result="miss"}']! -
        (before['newsdesk_response_cache_lookups_total{result="miss"}'] ?? 0),
    ).toBe(1);
    expect(
      after['newsdesk_response_cache_lookups_total{result="hit"}']! -
        (before['newsdesk_response_cache_lookups_total{result="hit"}'] ?? 0),
    ).toBe(2);
  });

  it('is not served unless enabled', async () => {
    const plain = await createTestApp({}, t.database);
    try {
      expect((await fetch(`${plain.baseUrl}/metrics`)).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
