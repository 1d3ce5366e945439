import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ForeignPage {
  /** The page's origin, e.g. http://127.0.0.1:40123: another port, so another origin than the API. */
  origin: string;
  close(): Promise<void>;
}

// A tiny front-end on a second local port. `window.call(label, url, init)` fetches like a page's own
// script would, logs the outcome on the page (for screenshots) and returns what the script could read.
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>A front-end on another origin</title>
<style>
  body { font: 15px/1.4 system-ui, sans-serif; margin: 2em; }
  li { margin: .4em 0; } .ok { color: #0a6b2d; } .refused { color: #b00020; }
  code { background: #f2f2f2; padding: 0 .3em; }
</style>
</head>
<body>
<h1>A front-end on another origin</h1>
<p>This page: <code id="origin"></code></p>
<ol id="log"></ol>
<script>
document.getElementById('origin').textContent = location.origin;
window.call = async (label, url, init) => {
  const item = document.createElement('li');
  document.getElementById('log').append(item);
  try {
    const response = await fetch(url, init);
    const body = await response.text();
    item.className = 'ok';
    item.textContent = label + ': HTTP ' + response.status + ', ' + body.slice(0, 140);
    return {
      ok: true,
      status: response.status,
      etag: response.headers.get('etag'),
      requestId: response.headers.get('x-request-id'),
      body,
    };
  } catch (error) {
    item.className = 'refused';
    item.textContent = label + ': refused by the browser (' + error + ')';
    return { ok: false, error: String(error) };
  }
};
</script>
</body>
</html>`;

export async function serveForeignPage(): Promise<ForeignPage> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
