import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { ADMIN_ENDPOINT, accessToken, refresh } from './session';

// Every request carries the in-memory access token; a 401 (expired or revoked) refreshes the session
// through the cookie once and retries.
async function authorizedFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const send = (token: string | null) =>
    fetch(input, {
      ...init,
      credentials: 'same-origin',
      headers: { ...(init.headers as Record<string, string>), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  const response = await send(await accessToken());
  if (response.status !== 401) return response;
  const renewed = await refresh();
  return renewed ? send(renewed.accessToken) : response;
}

export const apolloClient = new ApolloClient({
  link: new HttpLink({ uri: ADMIN_ENDPOINT, fetch: authorizedFetch }),
  cache: new InMemoryCache({
    typePolicies: {
      // Lists are read fresh per screen; merging pages is done by the screens themselves.
      Query: { fields: { adminArticles: { keyArgs: false, merge: (_existing, incoming) => incoming } } },
    },
  }),
  defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
});
