// The HTML of the GraphiQL page. Everything it loads comes from IDE_ASSETS_PATH on this server, and the
// Content-Security-Policy sent with it says so: scripts, styles, workers and requests from 'self' only,
// no inline script, no eval. Fonts may also be data: URLs (GraphiQL's stylesheet embeds its fonts).
// Inline styles stay allowed: Monaco writes its themes into <style> elements it creates, with no way
// to give them a nonce.
export const IDE_ASSETS_PATH = '/ide/assets';

export const IDE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface IdePageOptions {
  readonly title: string;
  readonly endpoint: string;
  /** Keeps each endpoint's tabs and history apart in the browser's storage. */
  readonly storageKey: string;
  readonly defaultQuery: string;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function renderIdePage(options: IdePageOptions): string {
  const data = {
    'data-endpoint': options.endpoint,
    'data-storage-key': options.storageKey,
    'data-default-query': options.defaultQuery,
  };
  const attributes = Object.entries(data)
    .map(([name, value]) => `${name}="${escapeAttribute(value)}"`)
    .join(' ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeAttribute(options.title)}</title>
<link rel="stylesheet" href="${IDE_ASSETS_PATH}/graphiql.css">
<script type="module" src="${IDE_ASSETS_PATH}/graphiql.js"></script>
</head>
<body>
<div id="graphiql" ${attributes}>Loading GraphiQL…</div>
</body>
</html>
`;
}

export const IDE_NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>GraphiQL is not built</title></head>
<body><p>The GraphQL IDE's files are missing: run <code>npm run build</code> (or <code>node scripts/build-ide.mjs</code>).</p></body>
</html>
`;
