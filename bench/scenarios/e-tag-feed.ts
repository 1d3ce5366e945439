import type { Scenario } from './scenario.js';
import { busiestTag } from './tag-fixture.js';

async function feedPath(db: Parameters<Scenario['prepare']>[0]): Promise<string> {
  const tag = await busiestTag(db);
  return `/feeds/tags/${encodeURIComponent(tag.slug)}/rss.xml`;
}

export const tagFeed: Scenario = {
  id: 'E',
  title: "a tag's RSS feed",
  prepare: async (db) => {
    const path = await feedPath(db);
    return async () => ({
      requests: [{ method: 'GET', path }],
      isSuccess: (status, body) => status === 200 && body.includes('<rss'),
      note: `E and E304 read ${path}`,
    });
  },
};

/** A feed reader polling with the ETag it has: every answer must be 304 Not Modified. */
export const tagFeedNotModified: Scenario = {
  id: 'E304',
  title: "a tag's RSS feed, If-None-Match",
  prepare: async (db) => {
    const path = await feedPath(db);
    return async (baseUrl) => {
      const first = await fetch(baseUrl + path);
      const etag = first.headers.get('etag');
      await first.arrayBuffer();
      if (!first.ok || !etag) throw new Error(`E304: GET ${path} answered ${first.status} with ETag ${etag ?? 'none'}`);
      return {
        requests: [{ method: 'GET', path, headers: { 'If-None-Match': etag } }],
        isSuccess: (status) => status === 304,
      };
    };
  },
};
