import type { ApolloServerPlugin } from '@apollo/server';
import type { CachePolicyContext } from '../../graphql-types/cache-policy.js';

// Cache-Control for the public endpoint: successful queries are public for `maxAge` seconds, anything
// else (errors, mutations, private answers) is no-store. It replaces Apollo's cache-control plugin,
// whose per-field hints wrap every field resolver: measured at ~5% of an uncached card list's CPU,
// for a policy this API sets per response anyway.
export function cachePolicyPlugin(maxAge: number): ApolloServerPlugin<CachePolicyContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, operation }) {
          const failed = response.body.kind !== 'single' || response.body.singleResult.errors !== undefined;
          const shareable = operation?.operation === 'query' && contextValue.cachePolicy !== 'private' && !failed && maxAge > 0;
          response.http.headers.set('cache-control', shareable ? `max-age=${maxAge}, public` : 'no-store');
        },
      };
    },
  };
}
