import { request } from 'node:http';
import type { GraphqlClient, GraphqlResponse } from './graphql-client.js';

export const LOGIN = `mutation Login($input: LoginInput!) {
  login(input: $input) {
    accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt
    user { id email role lastLoginAt disabled }
  }
}`;

export const REFRESH = `mutation Refresh($input: RefreshSessionInput!) {
  refreshSession(input: $input) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { id } }
}`;

export const LOGOUT = `mutation Logout($input: LogoutInput) { logout(input: $input) { success } }`;

export const ME = '{ me { id kind role user { id email role } } }';

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  /** The admin endpoint with this access token. */
  admin: GraphqlClient;
}

/** Logs in through the login mutation; fails the test when it does not succeed. */
export async function logIn(admin: GraphqlClient, email: string, password: string): Promise<Tokens> {
  const { login } = await admin.data(LOGIN, { input: { email, password } });
  return { ...login, admin: admin.with({ authorization: `Bearer ${login.accessToken}` }) };
}

export function errorOf(response: GraphqlResponse): { code: string; message: string; extensions: Record<string, any> } {
  const error = response.body.errors?.[0];
  if (!error) throw new Error(`Expected an error, got ${JSON.stringify(response.body)}`);
  return { code: error.extensions?.code, message: error.message, extensions: error.extensions ?? {} };
}

/**
 * POSTs a GraphQL request from a chosen loopback address (127.0.0.0/8 all reaches the server), so
 * tests can act as several client IPs.
 */
export function postFrom(
  endpoint: string,
  localAddress: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<GraphqlResponse> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = request(
      endpoint,
      {
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: new Headers(), body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
