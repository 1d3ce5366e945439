import type { Request } from 'express';

// How a request presents a partner key: header X-Partner-Key, or ?key= for feed readers that cannot send
// headers. Shared by the partner middleware (which checks the key) and the response cache (which never
// shares a keyed response), so the cache need not import the syndication feature.
export const PARTNER_KEY_HEADER = 'x-partner-key';

export function presentedKey(req: Request): string | undefined {
  const header = req.headers[PARTNER_KEY_HEADER];
  if (typeof header === 'string' && header !== '') return header;
  const query = req.query['key'];
  return typeof query === 'string' && query !== '' ? query : undefined;
}
