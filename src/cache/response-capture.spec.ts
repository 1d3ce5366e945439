import type { StoredResponse } from './response-store.js';
import { isShareable } from './response-capture.js';

const GRAPHQL_OK = Buffer.from('{"data":{"article":{"headline":"Errors and omissions"}}}');

function response(overrides: Partial<StoredResponse> = {}, headers: Record<string, string> = {}): StoredResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=60', ...headers },
    body: GRAPHQL_OK,
    keys: ['article:1'],
    ...overrides,
  };
}

describe('isShareable', () => {
  it('shares a public 200 with a positive max-age, content keys and no GraphQL errors', () => {
    expect(isShareable(response(), false)).toBe(true);
    // A data field that merely contains the word is not an error.
    expect(isShareable(response({ body: Buffer.from('{"data":{"note":"\\"errors\\" in the text"}}') }), false)).toBe(true);
  });

  it('never shares a response that sets a cookie, is not a 200, or shows no content', () => {
    expect(isShareable(response(), true)).toBe(false);
    expect(isShareable(response({ status: 304 }), false)).toBe(false);
    expect(isShareable(response({ status: 500 }), false)).toBe(false);
    expect(isShareable(response({ keys: [] }), false)).toBe(false);
  });

  it.each([
    ['no Cache-Control', ''],
    ['private', 'private, max-age=60'],
    ['public but no-store', 'public, no-store, max-age=60'],
    ['public but no-cache', 'public, no-cache, max-age=60'],
    ['public without max-age', 'public'],
    ['public with max-age=0', 'public, max-age=0'],
  ])('does not share %s', (_case, cacheControl) => {
    expect(isShareable(response({}, { 'cache-control': cacheControl }), false)).toBe(false);
  });

  it('does not replay a GraphQL response with errors, or one whose JSON it cannot read', () => {
    expect(isShareable(response({ body: Buffer.from('{"errors":[{"message":"boom"}],"data":null}') }), false)).toBe(false);
    expect(isShareable(response({ body: Buffer.from('{"errors": [truncated') }), false)).toBe(false);
  });

  it('does not look for GraphQL errors in feeds and sitemaps', () => {
    const feed = response({ body: Buffer.from('<title>"errors"</title>') }, { 'content-type': 'application/rss+xml' });
    expect(isShareable(feed, false)).toBe(true);
  });
});
