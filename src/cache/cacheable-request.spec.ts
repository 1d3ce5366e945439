import type { IncomingMessage } from 'node:http';
import { cacheKeyOf } from './cacheable-request.js';

const QUERY = encodeURIComponent('query Page($slug: String!) { article(slug: $slug) { headline } }');
const VARIABLES = encodeURIComponent('{"slug":"a-b"}');

function request(url: string, headers: Record<string, string> = {}, method = 'GET'): IncomingMessage {
  return { method, url, headers } as unknown as IncomingMessage;
}

describe('cacheKeyOf', () => {
  it('keys a GraphQL GET by its raw parameters in any order, and its Accept header', () => {
    const key = cacheKeyOf(request(`/graphql?query=${QUERY}&variables=${VARIABLES}`));
    expect(key).toMatch(/^[\w-]{43}$/);
    expect(cacheKeyOf(request(`/graphql?variables=${VARIABLES}&query=${QUERY}`))).toBe(key);
    expect(cacheKeyOf(request(`/graphql?query=${QUERY}&variables=${encodeURIComponent('{"slug":"c-d"}')}`))).not.toBe(key);
    expect(cacheKeyOf(request(`/graphql?query=${QUERY}&variables=${VARIABLES}`, { accept: 'application/json' }))).not.toBe(key);
  });

  it('keeps the order of a repeated parameter, which the app may read', () => {
    expect(cacheKeyOf(request('/graphql?query=a&query=b'))).not.toBe(cacheKeyOf(request('/graphql?query=b&query=a')));
  });

  it('never mixes a raw and a decoded form, and decodes names only decoding reveals', () => {
    expect(cacheKeyOf(request('/graphql?%71uery=a'))).not.toBe(cacheKeyOf(request('/graphql?query=a')));
    expect(cacheKeyOf(request('/graphql?%71uery=a&b=1'))).toBe(cacheKeyOf(request('/graphql?b=1&%71uery=a')));
  });

  it('refuses what a shared cache must not answer: other methods and paths, partner keys however sent', () => {
    expect(cacheKeyOf(request(`/graphql?query=${QUERY}`, {}, 'POST'))).toBeUndefined();
    expect(cacheKeyOf(request('/admin/graphql?query=x'))).toBeUndefined();
    expect(cacheKeyOf(request('/feeds/rss.xml', { 'x-partner-key': 'k' }))).toBeUndefined();
    expect(cacheKeyOf(request('/feeds/rss.xml?key=k'))).toBeUndefined();
    expect(cacheKeyOf(request('/feeds/rss.xml?k%65y=k'))).toBeUndefined();
    expect(cacheKeyOf(request('/feeds/rss.xml?key='))).toBeDefined();
    expect(cacheKeyOf(request('/sitemap.xml'))).toBeDefined();
  });
});
