import type { Request, Response } from 'express';

// The Studio's refresh token lives in this cookie: httpOnly (no page script can read it), SameSite=Strict
// (no cross-site request carries it) and scoped to the admin endpoint's path (no other route sees it).
export const REFRESH_COOKIE = 'newsdesk_refresh';
// ADMIN_GRAPHQL_PATH, repeated: importing the GraphQL module from here would be an import cycle.
const COOKIE_PATH = '/admin/graphql';

export interface CookieSettings {
  /** Set Secure: the request came over https, or the API's public origin is https. */
  secure: boolean;
}

// One cookie, one name: a regex over the header is enough, and it avoids a parser dependency for it.
export function readRefreshCookie(req: Request): string | null {
  const header = req.headers.cookie ?? '';
  const match = new RegExp(`(?:^|;\\s*)${REFRESH_COOKIE}=([^;]*)`).exec(header);
  const value = match?.[1] ? decodeURIComponent(match[1]) : '';
  return value === '' ? null : value;
}

export function setRefreshCookie(res: Response, token: string, expiresAt: Date, settings: CookieSettings): void {
  res.cookie(REFRESH_COOKIE, token, { ...cookieOptions(settings), expires: expiresAt });
}

export function clearRefreshCookie(res: Response, settings: CookieSettings): void {
  res.clearCookie(REFRESH_COOKIE, cookieOptions(settings));
}

function cookieOptions({ secure }: CookieSettings) {
  return { httpOnly: true, sameSite: 'strict' as const, secure, path: COOKIE_PATH };
}
